// Measures the local LangGraph.js API server's double-texting behaviour and prints the README's
// table; `--write` puts it into README.md. Run: npm run measure [-- --write]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startTestServer } from "../test/helpers/local-server.js";
import { measureAll, measureAsk, serverTable, withTable } from "../test/helpers/server-behaviour.js";

const ASK_GRAPH = `${fileURLToPath(new URL("../test/fixtures/ask-graph.mjs", import.meta.url))}:graph`;
const README = new URL("../README.md", import.meta.url);

const server = await startTestServer({ latencyMs: 250, nWorkers: 1, graphs: { ask: ASK_GRAPH } });
try {
  const table = serverTable(await measureAll(server.client, "agent"), await measureAsk(server.client, "ask"));
  console.log(table);
  if (process.argv.includes("--write")) {
    writeFileSync(README, withTable(readFileSync(README, "utf8"), table));
    console.error("README.md updated");
  }
} finally {
  await server.stop();
}
