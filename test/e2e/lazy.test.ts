// Scripted runs must not load Ink or React (issue 5): the built CLI is split so that only the
// interactive face pulls them in. Checked by recording every module the process resolves.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";

const e2e = e2eSetup({ server: { latencyMs: 0 } });

it("a scripted run loads neither Ink nor React nor conf", async () => {
  const record = join(e2e.home, "modules.txt");
  const preload = fileURLToPath(new URL("../fixtures/record-modules.mjs", import.meta.url));
  const r = await e2e.cli(["--url", e2e.url, "-m", "hi"], {
    env: { CHAT_RECORD_MODULES: record, NODE_OPTIONS: `--import=${preload}` },
  });
  expect(r.code).toBe(0);
  const modules = readFileSync(record, "utf8").trim().split("\n");
  const bundle = modules.filter((url) => url.includes("/dist/bundle/"));
  expect(bundle.length).toBeGreaterThan(2);
  // The interactive face (Ink, React, yoga) lives in the chunk built from src/interactive/run.tsx.
  expect(bundle.filter((url) => /\/run-[A-Z0-9]+\.js$/.test(url))).toEqual([]);
  expect(modules.filter((url) => /node_modules\/(ink|react|yoga-layout|conf)\//.test(url))).toEqual([]);
});
