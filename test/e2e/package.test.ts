// The package as the registry would hand it out (README, "Install"): `npm pack`, the tarball
// installed into an empty project and globally, and the `chat` each install gets run there. A
// file left out of `files`, or a devDependency needed at run time, fails here, not for a user.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, type CliResult } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import { NPM_QUIET } from "../helpers/npm.js";
import { killServersUnder, serverPidsLeftUnder } from "../helpers/processes.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../fixtures/project", import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { name: string; version: string };
const DEMO_ANSWER = /^=+ Ai Message =+\n\nHi! I'm chat's demo agent/m;
const ECHO_ANSWER = /^=+ Ai Message =+\n\nYou said: hi$/m;
// An install resolves the dependencies afresh from the registry (the cache is warm after npm ci)
// and compiles node-pty with node-gyp: ~15 s here, minutes allowed on a slow or loaded machine.
const INSTALL_MS = 240_000;
const e2e = e2eSetup({ env: { CHAT_DEMO_LATENCY_MS: "100" } });

/** The tarball, the agent project and the global prefix, all under one temp dir (made in beforeAll). */
let root = "";
let tarball = "";
const agent = () => join(root, "agent");

/**
 * npm, npx or an installed chat, with this file's chat home. npx never fetches a package: were
 * the install's own `chat` missing, it would fail instead of running the registry's `chat`.
 */
function run(file: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}, timeoutMs = 60_000) {
  return runCommand(file, args, { cwd, env: e2e.spawnEnv({ npm_config_yes: "false", ...extra }), timeoutMs });
}

/** The result of an npm step that must succeed; else a failure with npm's own words. */
function succeeded(result: CliResult, step: string): CliResult {
  if (result.code !== 0) throw new Error(`${step} failed (exit ${result.code}):\n${result.stderr}`);
  return result;
}

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "chat-package-")));
  // What `npm test` has just built; --ignore-scripts, or `prepare` would build it again.
  const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], REPO);
  const [{ filename }] = JSON.parse(succeeded(packed, "npm pack").stdout) as [{ filename: string }];
  tarball = join(root, filename);
  mkdirSync(agent());
  writeFileSync(join(agent(), "package.json"), JSON.stringify({ name: "agent-project", private: true }));
  const installed = await run("npm", ["install", "-D", tarball, ...NPM_QUIET], agent(), {}, INSTALL_MS);
  succeeded(installed, `npm install -D ${filename}`);
}, INSTALL_MS + 30_000);

afterAll(() => {
  if (root === "") return;
  // A test that failed half-way may leave a --project deployment running under root.
  killServersUnder(root);
  rmSync(root, { recursive: true, force: true });
});

it("in a clone, npx chat runs the clone's own chat, from a subdirectory too, without building it again", async () => {
  // npm exec installs the clone into its npx cache to run its bin, and runs `prepare` for that
  // (scripts/prepare.mjs leaves a built clone as it is). A cache of its own: the install happens
  // every time, as at a user's first `npx chat`.
  const bundle = join(REPO, "dist/bundle/cli.js");
  const before = statSync(bundle).mtimeMs;
  const r = await run("npx", ["chat", "--version"], join(REPO, "src"), { npm_config_cache: join(root, "npm-cache") });
  expect([r.code, r.stdout], r.stderr).toEqual([0, `${version}\n`]);
  expect(readdirSync(join(root, "npm-cache", "_npx"))).toHaveLength(1);
  expect(statSync(bundle).mtimeMs).toBe(before);
});

describe(`an agent project: npm install -D ${name}, then npx chat`, () => {
  it("links the tarball's chat into the project's node_modules/.bin, and builds no test tool there (node-pty)", () => {
    expect(realpathSync(join(agent(), "node_modules/.bin/chat"))).toBe(join(agent(), "node_modules", name, "bin/chat.js"));
    expect(existsSync(join(agent(), "node_modules/node-pty"))).toBe(false);
  });

  it("npx chat -m hi: the built-in deployment's demo agent answers, and no server is left", async () => {
    const r = await run("npx", ["chat", "-m", "hi"], agent());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(DEMO_ANSWER);
    expect(await serverPidsLeftUnder(e2e.home)).toEqual([]);
  });

  it("npx chat --project on a project inside it: its graph answers, with the packages the agent project has", async () => {
    const project = join(agent(), "project");
    cpSync(FIXTURE, project, { recursive: true });
    const r = await run("npx", ["chat", "--project", "./project", "-m", "hi"], agent());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(ECHO_ANSWER);
    expect(await serverPidsLeftUnder(project)).toEqual([]);
  });
});

it(
  `npm install -g ${name}, then chat on the PATH: the demo agent, and --project on a project with no node_modules`,
  async () => {
    const prefix = join(root, "global");
    const installed = await run("npm", ["install", "-g", tarball, "--prefix", prefix, ...NPM_QUIET], root, {}, INSTALL_MS);
    succeeded(installed, "npm install -g <tarball>");
    const path = { PATH: `${join(prefix, "bin")}${delimiter}${process.env.PATH ?? ""}` };
    const demo = await run("chat", ["-m", "hi"], root, path);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(DEMO_ANSWER);
    const project = join(root, "elsewhere", "project");
    cpSync(FIXTURE, project, { recursive: true });
    const echo = await run("chat", ["--project", project, "-m", "hi"], root, path);
    expect(echo.code, echo.stderr).toBe(0);
    expect(echo.stdout).toMatch(ECHO_ANSWER);
    expect([await serverPidsLeftUnder(e2e.home), await serverPidsLeftUnder(root)]).toEqual([[], []]);
  },
  INSTALL_MS + 60_000,
);
