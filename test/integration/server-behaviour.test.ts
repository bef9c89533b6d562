// The README's table of what the server does is the server's own answer: measured again here
// on the real LangGraph.js API server, it must match word for word.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/local-server.js";
import { measureAll, measureAsk, serverTable, withTable } from "../helpers/server-behaviour.js";

const ASK_GRAPH = `${fileURLToPath(new URL("../fixtures/ask-graph.mjs", import.meta.url))}:graph`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 250, nWorkers: 1, graphs: { ask: ASK_GRAPH } });
});
afterAll(async () => {
  await server?.stop();
});

it("the README's server table is what the server does now (npm run measure -- --write to renew)", async () => {
  const table = serverTable(await measureAll(server.client, "agent"), await measureAsk(server.client, "ask"));
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  expect(withTable(readme, table)).toBe(readme);
}, 120_000);
