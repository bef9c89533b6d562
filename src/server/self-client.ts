// The server child talking to its own API over loopback, with plain node:http: the few calls it makes
// (stale runs at start, retention sweeps) do not justify loading the SDK into that process, which
// would cost every start a tenth of a second of the same CPU the first run needs.
import { request as httpRequest } from "node:http";
import type { RetentionClient, RunInfo, ThreadInfo } from "./retention.js";

export interface SelfClient extends RetentionClient {
  /** Runs of a thread with this status (the newest 100). */
  runsWithStatus(threadId: string, status: string): Promise<RunInfo[]>;
  /** Threads with this status, a page at a time, with their metadata (which assistant each last ran). */
  threadsWithStatus(status: string, limit: number, offset: number): Promise<Array<ThreadInfo & { metadata?: Metadata }>>;
  /** A background run made on a thread (stale-runs.ts makes one that never starts). */
  createRun(threadId: string, body: Record<string, unknown>): Promise<RunInfo>;
  /** A pending run cancelled (interrupted), without waiting. */
  cancelRun(threadId: string, runId: string): Promise<void>;
}

type Metadata = Record<string, unknown> | null;

const REQUEST_TIMEOUT_MS = 30_000;

/** One JSON request over node:http (whose parser is native: fetch's is WebAssembly, compiled on first use). */
function request<T>(base: URL, key: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = payload === undefined ? {} : { "content-type": "application/json" };
  if (key !== null) headers["x-api-key"] = key;
  return new Promise<T>((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, headers });
    req.on("error", reject);
    // A request to ourselves that stalls must not hold the sweep that made it forever.
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path}: no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        if (status < 200 || status > 299) return reject(new Error(`${method} ${path}: HTTP ${status}`));
        try {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve((text ? JSON.parse(text) : undefined) as T);
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
    req.end(payload);
  });
}

export function selfClient(base: string, key: string | null): SelfClient {
  const origin = new URL(base);
  const call = <T>(method: string, path: string, body?: unknown) => request<T>(origin, key, method, path, body);
  const thread = (id: string) => `/threads/${encodeURIComponent(id)}`;
  return {
    threads: {
      search: (query) =>
        call("POST", "/threads/search", {
          sort_by: query.sortBy,
          sort_order: query.sortOrder,
          limit: query.limit,
          offset: query.offset,
          select: query.select,
        }),
      getState: (id) => call("GET", `${thread(id)}/state`),
      delete: (id) => call("DELETE", thread(id)),
    },
    runs: {
      list: (id, options) => call("GET", `${thread(id)}/runs?limit=${options.limit}&offset=${options.offset}`),
      delete: (id, runId) => call("DELETE", `${thread(id)}/runs/${encodeURIComponent(runId)}`),
    },
    runsWithStatus: (id, status) => call("GET", `${thread(id)}/runs?status=${encodeURIComponent(status)}&limit=100`),
    threadsWithStatus: (status, limit, offset) => call("POST", "/threads/search", { status, limit, offset }),
    createRun: (id, body) => call("POST", `${thread(id)}/runs`, body),
    // No `wait` at all: the server reads any value of it, "0" too, as true.
    cancelRun: (id, runId) => call("POST", `${thread(id)}/runs/${encodeURIComponent(runId)}/cancel?action=interrupt`),
  };
}
