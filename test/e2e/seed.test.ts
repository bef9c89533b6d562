// The seed guide end to end: a server whose graph replays the guide's conversation, the built
// CLI sending both messages with enqueue, and stdout byte for byte the guide's printed output.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";

const GRAPH = `${fileURLToPath(new URL("../fixtures/seed-replay-graph.mjs", import.meta.url))}:graph`;
const e2e = e2eSetup({ server: { latencyMs: 300, graphs: { seed: GRAPH } } });

it("prints the seed's enqueue transcript byte for byte", async () => {
  const expected = readFileSync(new URL("../fixtures/enqueue-transcript.txt", import.meta.url), "utf8");
  const r = await e2e.cli([
    "--url",
    e2e.url,
    "--assistant",
    "seed",
    "--strategy",
    "enqueue",
    "-m",
    "what's the weather in sf?",
    "-m",
    "what's the weather in nyc?",
  ]);
  expect(r.stderr).toMatch(/\[1\] success\n\[2\] success/);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(expected);
});
