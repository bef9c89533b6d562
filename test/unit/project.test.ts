// Reading a --project's langgraph.json: what is served, from where, with which environment.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { missingPackageError, projectAssistant, projectKey, readProject } from "../../src/deployment/project.js";
import { missingPackage, packageOf } from "../../src/server/load-errors.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chat-project-unit-"));
  writeFileSync(join(dir, "graph.ts"), "export default {};\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const config = (value: unknown) => writeFileSync(join(dir, "langgraph.json"), JSON.stringify(value));

it("graph paths become absolute, a spec without :export keeps the default export, and the key is stable", () => {
  config({ graphs: { a: "./graph.ts:graph", b: "graph.ts" } });
  const project = readProject(join(dir, "langgraph.json"));
  expect(project.graphs).toEqual({ a: `${join(dir, "graph.ts")}:graph`, b: join(dir, "graph.ts") });
  expect(project.firstFile).toBe(join(dir, "graph.ts"));
  expect(projectKey(project)).toBe(projectKey(readProject(dir)));
  expect(projectKey(project)).toMatch(/^[0-9a-f]{16}$/);
});

it("env from a .env file relative to the project, or a warning when it is missing", () => {
  config({ graphs: { a: "./graph.ts:graph" }, env: ".env" });
  expect(readProject(dir).warnings).toEqual([`env file .env not found in ${dir}; continuing without it`]);
  writeFileSync(join(dir, ".env"), '# comment\nGREETING=hello there\nQUOTED="a b"\n');
  expect(readProject(dir)).toMatchObject({ env: { GREETING: "hello there", QUOTED: "a b" }, warnings: [] });
});

it("env as an object of strings; anything else is a usage error", () => {
  config({ graphs: { a: "./graph.ts:graph" }, env: { KEY: "value" } });
  expect(readProject(dir).env).toEqual({ KEY: "value" });
  config({ graphs: { a: "./graph.ts:graph" }, env: { KEY: 1 } });
  expect(() => readProject(dir)).toThrow(/"env" must be a path to a \.env file or an object of strings/);
});

it("the assistant: the one asked for, else the only graph, else a list of the ids", () => {
  config({ graphs: { a: "./graph.ts:graph" } });
  expect(projectAssistant(readProject(dir), undefined)).toBe("a");
  expect(projectAssistant(readProject(dir), "other")).toBe("other");
  config({ graphs: { a: "./graph.ts:graph", b: "./graph.ts:other" } });
  expect(() => projectAssistant(readProject(dir), undefined)).toThrow(/has 2 graphs: choose one with --assistant \(a, b\)/);
});

it("Python is refused by graph extension or by python_version; an empty graphs map is refused", () => {
  config({ graphs: { agent: "./agent.py:graph" } });
  expect(() => readProject(dir)).toThrow(/Python graphs \(agent\) are not served by chat/);
  config({ python_version: "3.12", graphs: { a: "./graph.ts:graph" } });
  expect(() => readProject(dir)).toThrow(/Python graphs are not served by chat: serve them with the Python `langgraph dev`/);
  config({ graphs: {} });
  expect(() => readProject(dir)).toThrow(/has no "graphs" map/);
});

it("a package a graph imports and the project lacks is read from either loader's words, a subpath to its package", () => {
  const esm = Object.assign(new Error("Cannot find package 'zod' imported from /p/src/graph.ts"), {
    code: "ERR_MODULE_NOT_FOUND",
  });
  expect(missingPackage(esm)).toEqual({ name: "zod", importer: "/p/src/graph.ts" });
  const cjs = Object.assign(new Error("Cannot find module '@scope/pkg/sub'\nRequire stack:\n- /p/graph.cjs"), {
    code: "MODULE_NOT_FOUND",
    requireStack: ["/p/graph.cjs", "/p/other.cjs"],
  });
  expect(missingPackage(cjs)).toEqual({ name: "@scope/pkg", importer: "/p/graph.cjs" });
  // A missing file of the project's own is another mistake, and another error is not this one.
  const relative = Object.assign(new Error("Cannot find module './reply'"), {
    code: "MODULE_NOT_FOUND",
    requireStack: ["/p/a.cjs"],
  });
  expect(missingPackage(relative)).toBeUndefined();
  expect(missingPackage(new Error("boom"))).toBeUndefined();
  expect(packageOf("zod/v4")).toBe("zod");
});

it("the line says npm install when package.json lists the package, npm install <name> when it does not", () => {
  config({ graphs: { a: "./graph.ts:graph" } });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ dependencies: { zod: "^4" } }));
  const project = readProject(dir);
  const importer = join(dir, "graph.ts");
  expect(missingPackageError(project, { name: "zod", importer }).message).toBe(
    `${importer} imports zod, which is not installed: run npm install in ${dir}`,
  );
  expect(missingPackageError(project, { name: "lodash", importer }).message).toBe(
    `${importer} imports lodash, which is not installed: run npm install lodash in ${dir}`,
  );
  expect(missingPackageError(project, { name: "zod", importer }).exitCode).toBe(2);
});
