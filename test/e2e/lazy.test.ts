// Scripted runs must not load Ink or React (issue 5): the built CLI is split so that only the
// interactive face pulls them in. Checked by recording every module the process resolves.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { startTestServer, type TestServer } from "../helpers/local-server.js";

let server: TestServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chat-lazy-"));
  server = await startTestServer({ latencyMs: 0 });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("a scripted run loads neither Ink nor React nor conf", async () => {
  const record = join(dir, "modules.txt");
  const preload = fileURLToPath(new URL("../fixtures/record-modules.mjs", import.meta.url));
  const r = await runCli(["--url", server.deployment.url, "-m", "hi"], {
    env: { CHAT_CONFIG_DIR: dir, CHAT_RECORD_MODULES: record, NODE_OPTIONS: `--import=${preload}` },
  });
  expect(r.code).toBe(0);
  const modules = readFileSync(record, "utf8").trim().split("\n");
  const bundle = modules.filter((url) => url.includes("/dist/bundle/"));
  expect(bundle.length).toBeGreaterThan(2);
  // The interactive face (Ink, React, yoga) lives in the chunk built from src/interactive/run.tsx.
  expect(bundle.filter((url) => /\/run-[A-Z0-9]+\.js$/.test(url))).toEqual([]);
  expect(modules.filter((url) => /node_modules\/(ink|react|yoga-layout|conf)\//.test(url))).toEqual([]);
});
