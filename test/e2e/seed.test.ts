// The seed guide end to end: a server whose graph replays the guide's conversation, the built
// CLI sending both messages with enqueue, and stdout byte for byte the guide's printed output.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { startTestServer, type TestServer } from "../helpers/local-server.js";

let server: TestServer;
beforeAll(async () => {
  const graph = fileURLToPath(new URL("../fixtures/seed-replay-graph.mjs", import.meta.url));
  server = await startTestServer({ latencyMs: 300, graphs: { seed: `${graph}:graph` } });
});
afterAll(async () => {
  await server?.stop();
});

it("prints the seed's enqueue transcript byte for byte", async () => {
  const expected = readFileSync(new URL("../fixtures/enqueue-transcript.txt", import.meta.url), "utf8");
  const r = await runCli(
    [
      "--url",
      server.deployment.url,
      "--assistant",
      "seed",
      "--strategy",
      "enqueue",
      "-m",
      "what's the weather in sf?",
      "-m",
      "what's the weather in nyc?",
    ],
    { env: { CHAT_CONFIG_DIR: server.dir } },
  );
  expect(r.stderr).toMatch(/\[1\] success\n\[2\] success/);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(expected);
});
