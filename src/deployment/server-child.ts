// Runs in a forked child process: the official LangGraph.js API server on loopback.
// Its cleanup() only flushes data and never closes the HTTP server, so this process exits
// instead, on SIGTERM/SIGINT or when the parent goes away (IPC disconnect).
import type { ServerConfig } from "./local.js";

const config = JSON.parse(process.env.CHAT_SERVER_CONFIG ?? "{}") as ServerConfig;

// LOG_LEVEL must be set before the server module is imported (the parent also sets it).
process.env.LOG_LEVEL ??= "error";
process.env.LANGSMITH_TRACING ??= "false";
const { startServer } = await import("@langchain/langgraph-api/server");

let stopping = false;
async function stop(cleanup?: () => Promise<void>): Promise<never> {
  if (!stopping) {
    stopping = true;
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
  process.send?.({ type: "ready", port });
} catch (err) {
  process.send?.({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  console.error(err);
  process.exit(1);
}
