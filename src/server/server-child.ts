// Runs in a forked child process: the official LangGraph.js API server on loopback.
// Its cleanup() only flushes data and never closes the HTTP server, so this process exits
// instead, on SIGTERM/SIGINT or when the parent goes away (IPC disconnect).
import { createRequire, register } from "node:module";
import { isAbsolute } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as ServerModule from "@langchain/langgraph-api/server";
import type { ChildMessage, ServerConfig } from "./protocol.js";
import { keepBounded, revisitAfter, sweep } from "./retention.js";
import type { ResolveData } from "./project-resolve.js";
import { readGraphInputs } from "./graph-inputs.js";
import { selfClient, type SelfClient } from "./self-client.js";
import { clearStaleRuns } from "./stale-runs.js";
import { openDoor } from "./door.js";
import { missingPackage } from "./load-errors.js";
import { overlayPlan, packageDir, serverOverlay } from "./overlay.js";

const config = JSON.parse(process.env.CHAT_SERVER_CONFIG ?? "{}") as ServerConfig;

// LOG_LEVEL must be set before the server module is imported (the parent also sets it).
process.env.LOG_LEVEL ??= "error";
process.env.LANGSMITH_TRACING ??= "false";

/**
 * A project's graphs may be TypeScript (startServer only import()s them) and may bring their own
 * @langchain/langgraph, which the server must share. The server is loaded first (from an overlay
 * when it must use the project's copy) and the hooks registered after: registered before, they
 * would see each of its ~700 imports (on Node's loader thread: 0.7 s more at every start). Only
 * when the overlay cannot be built do they go in first, and the server is import()ed after them.
 */
async function loadForProject(project: NonNullable<ServerConfig["project"]>): Promise<typeof ServerModule> {
  // Both loaders, as the tsx CLI under `langgraph dev` has: a project without "type": "module"
  // has its .ts files compiled to CommonJS and required. Loaded alongside the server.
  const tsx = Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]);
  const server = packageDir(fileURLToPath(import.meta.url), "@langchain/langgraph-api");
  const plan = server === undefined ? undefined : overlayPlan(project.resolveFrom, server);
  let loading: Promise<typeof ServerModule> | undefined;
  try {
    loading = requireServer(plan ? serverOverlay(plan, project.overlays) : SERVER);
  } catch (err) {
    if (!plan) throw err;
    console.error(`server overlay not built (${err instanceof Error ? err.message : String(err)}): loading through module hooks`);
  }
  const [esm, cjs] = await tsx;
  esm.register();
  cjs.register();
  const data: ResolveData = { project: pathToFileURL(project.resolveFrom).href, fallback: import.meta.url };
  register("./project-resolve.js", import.meta.url, { data });
  return loading ?? import(SERVER);
}
let stopping = false;
const sweeping = new AbortController();
/** What flushes the server's data; set once it has started. */
let cleanup: (() => Promise<void>) | undefined;
async function stop(): Promise<never> {
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
// From the very start: a parent gone while the server still loads must not leave it running.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop());
process.on("disconnect", () => void stop());
if (process.send && !process.connected) await stop();

/** The key comes from the parent over IPC, never through argv, the environment or a file. */
const keyed = new Promise<string | null>((resolve) => {
  process.on("message", (message: { type?: string; key?: unknown }) => {
    if (message.type === "key") resolve(typeof message.key === "string" ? message.key : null);
  });
});

const SERVER = "@langchain/langgraph-api/server";

/**
 * Node 20 loads the server's ES modules a fifth faster through require() than through import()
 * (measured 730 vs 940 ms; none of them awaits at top level, and both give the same module
 * instances), but require() passes module hooks by: where a project's hooks must see the server's
 * imports, it is import()ed after them.
 */
function requireServer(entry: string): Promise<typeof ServerModule> {
  try {
    return Promise.resolve(createRequire(import.meta.url)(entry) as typeof ServerModule);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_REQUIRE_ASYNC_MODULE" || code === "ERR_REQUIRE_ESM")
      return import(isAbsolute(entry) ? pathToFileURL(entry).href : entry);
    throw err;
  }
}

const { startServer } = await (config.project ? loadForProject(config.project) : requireServer(SERVER));
// require() held the event loop for most of a second: a stop asked for meanwhile goes first.
await new Promise((resolve) => setImmediate(resolve));

/**
 * Old threads and runs go once the server is up, then every interval (see retention.ts): a sweep
 * never touches what is recent or in flight, so clients need not wait for it. A failed sweep is
 * logged, never a reason not to serve.
 */
async function bound(client: SelfClient, signal: AbortSignal): Promise<void> {
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

try {
  const key = await keyed;
  const started = await startServer({
    port: config.port,
    host: config.host,
    nWorkers: config.nWorkers,
    cwd: config.cwd,
    graphs: config.graphs,
    // Every request goes through door.ts: the server's own custom auth, with no trust in a
    // request that only says it comes from Studio.
    auth: { path: `${fileURLToPath(new URL("./door.js", import.meta.url))}:auth`, disable_studio_auth: true },
    // No CORS allowance but for the origins asked for (the server's default is every origin).
    // (The disable_* flags are the server's defaults, spelled out because its type asks for them.)
    http: {
      cors: { allow_origins: config.allowOrigins, expose_headers: ["content-location", "x-pagination-total"] },
      disable_assistants: false,
      disable_threads: false,
      disable_runs: false,
      disable_store: false,
      disable_meta: false,
    },
  });
  cleanup = started.cleanup;
  const port = Number(started.host.split(":").at(-1));
  openDoor({ key, allowOrigins: config.allowOrigins }, config.host, port);
  // Talk to ourselves on loopback whatever interface we listen on.
  const self =
    config.host === "::" || config.host === "::1"
      ? "[::1]"
      : config.host === "0.0.0.0"
        ? "127.0.0.1"
        : config.host.includes(":")
          ? `[${config.host}]`
          : config.host;
  const client = selfClient(`http://${self}:${port}`, key);
  await clearStaleRuns(client, console.error);
  const inputs = await readGraphInputs(config.graphs, config.cwd);
  process.send?.({ type: "ready", port, inputs } satisfies ChildMessage);
  void bound(client, sweeping.signal);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.send?.({ type: "failed", message, missing: missingPackage(err) } satisfies ChildMessage);
  console.error(err);
  process.exit(1);
}
