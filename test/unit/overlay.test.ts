// The server overlay (src/server/overlay.ts) on small node_modules trees made here: which package
// each name in it leads to, when it is rebuilt, and that a half-built one is never used.
import { afterEach, expect, it } from "vitest";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inCaretRange, lookupDirs, overlayKey, overlayPlan, serverOverlay, type OverlayPlan } from "../../src/server/overlay.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temp(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "chat-overlay-")));
  dirs.push(dir);
  return dir;
}

/** A package with a CommonJS entry that says who it is. */
function pkg(dir: string, name: string, version: string, exports?: object, peerDependencies?: object): string {
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, version, main: "dist/index.js", exports, peerDependencies }));
  writeFileSync(join(dir, "dist/index.js"), `module.exports = ${JSON.stringify(`${name}@${version} at ${dir}`)};`);
  return dir;
}

/**
 * chat installed under `chat/`: the server (with one nested package), chat's langgraph and a
 * dependency hoisted one level up; a project under `project/` with its own langgraph and checkpoint.
 */
function world() {
  const root = temp();
  const chatModules = join(root, "chat/node_modules");
  const server = pkg(
    join(chatModules, "@langchain/langgraph-api"),
    "@langchain/langgraph-api",
    "1.5.1",
    { "./server": "./dist/index.js" },
    { "@langchain/core": "^1.1.48" },
  );
  pkg(join(server, "node_modules/nested"), "nested", "1.0.0");
  pkg(join(chatModules, "@langchain/langgraph"), "@langchain/langgraph", "1.7.3");
  pkg(join(chatModules, "@langchain/core"), "@langchain/core", "1.4.0");
  pkg(join(root, "node_modules/hoisted"), "hoisted", "2.0.0");
  const own = pkg(join(root, "project/node_modules/@langchain/langgraph"), "@langchain/langgraph", "1.5.3");
  const checkpoint = pkg(
    join(root, "project/node_modules/@langchain/langgraph-checkpoint"),
    "@langchain/langgraph-checkpoint",
    "1.0.0",
  );
  const plan: OverlayPlan = { server, shared: { "@langchain/langgraph": own, "@langchain/langgraph-checkpoint": checkpoint } };
  return { root, server, plan, overlays: join(root, "overlays") };
}

/** What the server, loaded from the overlay, gets for a name. */
function seenFromServer(entry: string, name: string): string {
  return createRequire(entry)(name) as string;
}

it("lists the node_modules directories Node searches from a package, nearest first", () => {
  const { root, server } = world();
  expect(lookupDirs(server)).toEqual([join(server, "node_modules"), join(root, "chat/node_modules"), join(root, "node_modules")]);
});

it("gives the server the project's shared packages and everything else from where chat installed it", () => {
  const { root, plan, overlays } = world();
  const entry = serverOverlay(plan, overlays);
  expect(entry.startsWith(overlays)).toBe(true);
  expect(readFileSync(entry, "utf8")).toContain("@langchain/langgraph-api@1.5.1");
  expect(seenFromServer(entry, "@langchain/langgraph")).toBe(
    `@langchain/langgraph@1.5.3 at ${join(root, "project/node_modules/@langchain/langgraph")}`,
  );
  expect(seenFromServer(entry, "@langchain/langgraph-checkpoint")).toContain(join(root, "project/node_modules"));
  expect(seenFromServer(entry, "@langchain/core")).toBe(
    `@langchain/core@1.4.0 at ${join(root, "chat/node_modules/@langchain/core")}`,
  );
  expect(seenFromServer(entry, "nested")).toContain(join(plan.server, "node_modules/nested"));
  expect(seenFromServer(entry, "hoisted")).toContain(join(root, "node_modules/hoisted"));
  // The server's own nested packages are linked, not copied.
  expect(existsSync(join(dirname(dirname(entry)), "node_modules"))).toBe(false);
});

it("is built once, and again when the project's packages change", () => {
  const { root, plan, overlays } = world();
  const first = serverOverlay(plan, overlays);
  expect(serverOverlay(plan, overlays)).toBe(first);
  expect(readdirSync(overlays)).toHaveLength(1);
  // npm rewrites node_modules/.package-lock.json on every install.
  writeFileSync(join(root, "project/node_modules/.package-lock.json"), "{}");
  const second = serverOverlay(plan, overlays);
  expect(second).not.toBe(first);
  expect(readdirSync(overlays).sort()).toHaveLength(2);
});

it("names the overlay by the versions it holds", () => {
  const { plan } = world();
  const before = overlayKey(plan);
  pkg(plan.shared["@langchain/langgraph"]!, "@langchain/langgraph", "1.5.4");
  expect(overlayKey(plan)).not.toBe(before);
});

it("removes overlays nothing has used for a month, and keeps one in use", () => {
  const { root, plan, overlays } = world();
  const used = serverOverlay(plan, overlays);
  const old = join(overlays, "0123456789abcdef0123");
  mkdirSync(old);
  const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
  utimesSync(old, longAgo, longAgo);
  const usedDir = join(
    overlays,
    readdirSync(overlays).find((entry) => used.includes(entry))!,
  );
  utimesSync(usedDir, longAgo, longAgo);
  expect(serverOverlay(plan, overlays)).toBe(used); // using it marks it used
  writeFileSync(join(root, "project/node_modules/.package-lock.json"), "{}");
  serverOverlay(plan, overlays); // a new build sweeps
  expect(existsSync(old)).toBe(false);
  expect(existsSync(usedDir)).toBe(true);
});

it("leaves nothing half-built behind when building fails, and says why", () => {
  const { plan, overlays } = world();
  // A name the copied server already holds as a file: the link to it fails midway through.
  const broken: OverlayPlan = { ...plan, shared: { ...plan.shared, "@langchain/langgraph-api/package.json": plan.server } };
  expect(() => serverOverlay(broken, overlays)).toThrow(/EEXIST/);
  expect(readdirSync(overlays)).toEqual([]);
});

it("plans the project's langgraph, its checkpoint package and, in the server's peer range, its core", () => {
  const { root, server } = world();
  const project = join(root, "project");
  const graph = join(project, "src/graph.ts");
  const core = pkg(join(project, "node_modules/@langchain/core"), "@langchain/core", "1.3.5");
  expect(overlayPlan(graph, server)).toEqual({
    server,
    shared: {
      "@langchain/langgraph": join(project, "node_modules/@langchain/langgraph"),
      "@langchain/langgraph-checkpoint": join(project, "node_modules/@langchain/langgraph-checkpoint"),
      "@langchain/core": core,
    },
  });
  // A core older than the server accepts stays out: the server keeps chat's.
  pkg(core, "@langchain/core", "1.1.2");
  expect(overlayPlan(graph, server)?.shared["@langchain/core"]).toBeUndefined();
});

it("plans nothing where the server finds the project's langgraph anyway, or the project has none", () => {
  const { root, server } = world();
  expect(overlayPlan(join(root, "chat/src/graph.ts"), server)).toBeUndefined();
  expect(overlayPlan(join(temp(), "graph.ts"), server)).toBeUndefined();
});

it.each([
  ["1.4.0", "^1.1.48", true],
  ["1.1.48", "^1.1.48", true],
  ["1.1.47", "^1.1.48", false],
  ["2.0.0", "^1.1.48", false],
  ["0.3.1", "^0.3.0", true],
  ["0.4.0", "^0.3.0", false],
  ["1.4.0", ">=1.0.0", false],
  ["1.4.0", undefined, false],
])("%s in %s: %s", (version, range, inside) => {
  expect(inCaretRange(version, range)).toBe(inside);
});
