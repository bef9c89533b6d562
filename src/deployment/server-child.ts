// Runs in a forked child process: the official LangGraph.js API server on loopback.
// Its cleanup() only flushes data and never closes the HTTP server, so this process exits
// instead, on SIGTERM/SIGINT or when the parent goes away (IPC disconnect).
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import type { Client } from "@langchain/langgraph-sdk";
import type { ServerConfig } from "./local.js";
import { keepBounded, revisitAfter, sweep } from "./retention.js";
import type { ResolveData } from "./project-resolve.js";

const config = JSON.parse(process.env.CHAT_SERVER_CONFIG ?? "{}") as ServerConfig;

// LOG_LEVEL must be set before the server module is imported (the parent also sets it).
process.env.LOG_LEVEL ??= "error";
process.env.LANGSMITH_TRACING ??= "false";

/**
 * A project's graphs may be TypeScript (startServer only import()s them) and may bring their own
 * @langchain/langgraph: both hooks go in before the server itself is loaded.
 */
async function prepareProject(resolveFrom: string): Promise<void> {
  // Both loaders, as the tsx CLI under `langgraph dev` has: a project without "type": "module"
  // has its .ts files compiled to CommonJS and required.
  const [esm, cjs] = await Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]);
  esm.register();
  cjs.register();
  const data: ResolveData = { project: pathToFileURL(resolveFrom).href, fallback: import.meta.url };
  register("./project-resolve.js", import.meta.url, { data });
}
if (config.project) await prepareProject(config.project.resolveFrom);
const { startServer } = await import("@langchain/langgraph-api/server");

/**
 * The server has just started, so no run of its can be running: one marked running was cut off
 * when the server last stopped, and would block its thread forever. Delete those (through the
 * API, as any client would) before anyone else connects.
 */
async function clearStaleRuns(client: Client): Promise<void> {
  for (let offset = 0; ; offset += 100) {
    const busy = await client.threads.search({ status: "busy", limit: 100, offset });
    for (const thread of busy) {
      for (const run of await client.runs.list(thread.thread_id, { status: "running", limit: 100 })) {
        await client.runs.delete(thread.thread_id, run.run_id);
        console.error(`cleared stale run ${run.run_id} on thread ${thread.thread_id}`);
      }
    }
    if (busy.length < 100) return;
  }
}

/**
 * Old threads and runs go at start, before anyone connects, then every interval (see
 * retention.ts). A failed sweep is logged, never a reason not to serve.
 */
async function bound(client: Client, signal: AbortSignal): Promise<void> {
  const retention = config.retention;
  if (!retention) return;
  const started = Date.now();
  let since: number | undefined;
  try {
    const swept = await sweep(client, retention);
    if (swept.threads || swept.runs) console.error(`retention: deleted ${swept.threads} threads, ${swept.runs} runs at start`);
    since = revisitAfter(started, retention);
  } catch (err) {
    console.error(`retention: sweep at start failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  void keepBounded(client, retention, signal, console.error, since);
}

let stopping = false;
const sweeping = new AbortController();
async function stop(cleanup?: () => Promise<void>): Promise<never> {
  if (!stopping) {
    stopping = true;
    sweeping.abort();
    try {
      await cleanup?.();
    } finally {
      process.exit(0);
    }
  }
  return new Promise<never>(() => {});
}

try {
  const { host, cleanup } = await startServer({
    port: config.port,
    host: config.host,
    nWorkers: config.nWorkers,
    cwd: config.cwd,
    graphs: config.graphs,
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(cleanup));
  process.on("disconnect", () => void stop(cleanup));
  const port = Number(host.split(":").at(-1));
  // Talk to ourselves on loopback whatever interface we listen on.
  const self =
    config.host === "::" || config.host === "::1"
      ? "[::1]"
      : config.host === "0.0.0.0"
        ? "127.0.0.1"
        : config.host.includes(":")
          ? `[${config.host}]`
          : config.host;
  const { Client } = await import("@langchain/langgraph-sdk");
  const client = new Client({ apiUrl: `http://${self}:${port}`, apiKey: null });
  await clearStaleRuns(client);
  await bound(client, sweeping.signal);
  process.send?.({ type: "ready", port });
} catch (err) {
  process.send?.({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  console.error(err);
  process.exit(1);
}
