// The server child talking to its own API over loopback, with plain fetch: the few calls it makes
// (stale runs at start, retention sweeps) do not justify loading the SDK into that process, which
// would cost every start a tenth of a second of the same CPU the first run needs.
import type { RetentionClient, RunInfo, ThreadInfo } from "./retention.js";

export interface SelfClient extends RetentionClient {
  /** Runs of a thread with this status (the newest 100). */
  runsWithStatus(threadId: string, status: string): Promise<RunInfo[]>;
  /** Threads with this status, a page at a time. */
  threadsWithStatus(status: string, limit: number, offset: number): Promise<ThreadInfo[]>;
}

export function selfClient(base: string): SelfClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
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
  };
}
