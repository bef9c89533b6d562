// `--project` on projects with @langchain packages of their own: the API server and the graphs
// must share the project's @langchain/langgraph. Chat's server runs from an overlay that gives it
// the project's copy (src/server/overlay.ts), or, when no overlay can be built, through module
// hooks. Which copy the server used is seen from inside it: the project's copy of the module the
// server imports (`@langchain/langgraph/web`; the graphs import the package's main entry) writes a
// line to a file when it loads.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { named, npmInstall, OLDER_LANGCHAIN } from "../helpers/npm.js";
import { serverPidsLeftUnder } from "../helpers/processes.js";

const PROJECT = fileURLToPath(new URL("../fixtures/project", import.meta.url));
const OURS = realpathSync(fileURLToPath(new URL("../../node_modules/@langchain/langgraph", import.meta.url)));
const e2e = e2eSetup();

/** Makes a project's copy of @langchain/langgraph write "web" to $CHAT_MARK_FILE when the server loads it. */
function markServerImport(langgraph: string): void {
  const mark = `\nimport { appendFileSync as __chatMark } from "node:fs";\nif (process.env.CHAT_MARK_FILE) __chatMark(process.env.CHAT_MARK_FILE, "web\\n");\n`;
  appendFileSync(join(langgraph, "dist/web.js"), mark);
}

/** `chat --project dir -m hi` with a fresh record of what loaded; the marks and the graph's recorded imports. */
async function answerFrom(dir: string, home: string) {
  const mark = join(dir, `mark-${Date.now()}.txt`);
  const record = join(dir, `modules-${Date.now()}.txt`);
  const preload = fileURLToPath(new URL("../fixtures/record-modules.mjs", import.meta.url));
  const r = await e2e.cli(["--project", dir, "-m", "hi"], {
    env: { CHAT_CONFIG_DIR: home, CHAT_MARK_FILE: mark, CHAT_RECORD_MODULES: record, NODE_OPTIONS: `--import=${preload}` },
  });
  const loaded = existsSync(record) ? readFileSync(record, "utf8").split("\n") : [];
  const from = (langgraph: string) => loaded.filter((url) => url.startsWith(`${pathToFileURL(langgraph).href}/dist/`));
  return { ...r, marks: existsSync(mark) ? readFileSync(mark, "utf8") : "", from };
}

it("a copy of chat's own @langchain/langgraph in the project: the server and the graph both use the project's copy", async () => {
  // Inside the repository, so the copy's own dependencies resolve (from chat's node_modules).
  const root = fileURLToPath(new URL("../../tmp/", import.meta.url));
  mkdirSync(root, { recursive: true });
  const copy = mkdtempSync(join(root, "own-langgraph-"));
  cpSync(PROJECT, copy, { recursive: true });
  const own = join(copy, "node_modules/@langchain/langgraph");
  cpSync(OURS, own, { recursive: true });
  markServerImport(own);
  try {
    const r = await answerFrom(copy, e2e.home);
    expect(r.stdout).toContain("You said: hi");
    expect(r.code).toBe(0);
    expect(r.marks).toBe("web\n");
    expect(r.from(own).length).toBeGreaterThan(0);
    expect(r.from(OURS)).toEqual([]);
    expect(readdirSync(join(e2e.home, "server-overlays"))).toHaveLength(1);
    expect(await serverPidsLeftUnder(copy)).toEqual([]);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

describe(`a project npm installed with older versions than chat's (${named(OLDER_LANGCHAIN)})`, () => {
  let dir = "";
  let own = "";
  beforeAll(() => {
    // Outside the repository, so nothing of chat's is found by walking up: a project of its own.
    dir = realpathSync(mkdtempSync(join(tmpdir(), "chat-older-project-")));
    cpSync(PROJECT, dir, { recursive: true });
    npmInstall(dir, OLDER_LANGCHAIN);
    own = join(dir, "node_modules/@langchain/langgraph");
    markServerImport(own);
  }, 180_000); // npm fetches the older versions from the registry the first time
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the server runs from an overlay with the project's langgraph: the answer, and the second start reuses it", async () => {
    const home = join(e2e.home, "older");
    for (const start of [1, 2]) {
      const r = await answerFrom(dir, home);
      expect(r.stdout, `start ${start}`).toContain("You said: hi");
      expect(r.code).toBe(0);
      expect(r.marks).toBe("web\n");
      expect(r.from(own).length).toBeGreaterThan(0);
      expect(r.from(OURS)).toEqual([]);
      expect(readdirSync(join(home, "server-overlays"))).toHaveLength(1);
    }
    expect(await serverPidsLeftUnder(dir)).toEqual([]);
  });

  it("where no overlay can be built, the server loads through module hooks: still the project's copy, and the log says why", async () => {
    const home = join(e2e.home, "no-overlay");
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, "server-overlays"), "a file where the directory would go");
    const r = await answerFrom(dir, home);
    expect(r.stdout).toContain("You said: hi");
    expect(r.code).toBe(0);
    expect(r.marks).toBe("web\n");
    expect(r.from(own).length).toBeGreaterThan(0);
    expect(r.from(OURS)).toEqual([]);
    expect(readFileSync(join(home, "logs", readdirSync(join(home, "logs"))[0]!), "utf8")).toMatch(
      /server overlay not built \(.+\): loading through module hooks/,
    );
    expect(await serverPidsLeftUnder(dir)).toEqual([]);
  });
});
