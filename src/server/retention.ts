// Keeps the built-in deployment's data bounded, through the server's public API only. The server
// keeps every checkpoint of every run, each a full copy of the thread's state, in memory and in
// one file it rewrites whole: a long thread grows quadratically, many threads without end.
// Deleting a run deletes its checkpoints too, so old runs and old threads are what we delete.
import { setTimeout as sleep } from "node:timers/promises";

export interface Retention {
  /** Threads kept, most recently updated first; older ones are deleted. */
  keepThreads: number;
  /** Finished runs whose step-by-step history a thread keeps, besides the run that wrote its current state. */
  keepRuns: number;
  /** Nothing that changed more recently is deleted: a client may still be reading it. */
  graceMs: number;
  /** Time between sweeps while the server runs (one also runs at start, before clients connect). */
  intervalMs: number;
}

export const RETENTION: Retention = { keepThreads: 100, keepRuns: 3, graceMs: 60_000, intervalMs: 30_000 };

/** What a sweep reads of a run or a thread (the SDK's types, narrowed to what is used). */
export interface RunInfo {
  run_id: string;
  status: string;
  created_at: string;
  updated_at: string;
}
export interface ThreadInfo {
  thread_id: string;
  status: string;
  updated_at: string;
}

/** The slice of the SDK client a sweep uses. */
export interface RetentionClient {
  threads: {
    search(query: {
      sortBy: "updated_at";
      sortOrder: "desc";
      limit: number;
      offset: number;
      select: Array<"thread_id" | "status" | "updated_at">;
    }): Promise<ThreadInfo[]>;
    getState(threadId: string): Promise<{ metadata?: unknown }>;
    delete(threadId: string): Promise<void>;
  };
  runs: {
    list(threadId: string, options: { limit: number; offset: number }): Promise<RunInfo[]>;
    delete(threadId: string, runId: string): Promise<void>;
  };
}

const FINISHED = new Set(["success", "error", "interrupted", "timeout"]);
const time = (iso: string) => new Date(iso).getTime();

/**
 * Runs whose deletion loses none of the thread's current state: finished, settled for the grace
 * period, created before the run that wrote the latest checkpoint (`owner`; undefined when no run
 * did), and not among the newest `keepRuns` of those.
 */
export function runsToDelete(runs: RunInfo[], owner: string | undefined, retention: Retention, now: number): string[] {
  const byAge = [...runs].sort((a, b) => time(a.created_at) - time(b.created_at));
  const ownerRun = byAge.find((run) => run.run_id === owner);
  if (owner !== undefined && !ownerRun) return []; // not listed: cannot tell which runs came before it
  const older = ownerRun ? byAge.slice(0, byAge.indexOf(ownerRun)) : byAge;
  const finished = older.filter((run) => FINISHED.has(run.status));
  return finished
    .slice(0, Math.max(0, finished.length - retention.keepRuns))
    .filter((run) => time(run.updated_at) <= now - retention.graceMs)
    .map((run) => run.run_id);
}

/** Threads past the kept ones that may go: none with a run in flight, none touched in the grace period. */
export function threadsToDelete(pastKept: ThreadInfo[], retention: Retention, now: number): string[] {
  return pastKept
    .filter((thread) => thread.status !== "busy" && time(thread.updated_at) <= now - retention.graceMs)
    .map((thread) => thread.thread_id);
}

/** The run that wrote the thread's latest checkpoint, from its metadata (the server records it). */
function ownerOf(state: { metadata?: unknown }): string | undefined {
  const metadata = state.metadata;
  if (typeof metadata !== "object" || metadata === null) return undefined;
  const runId = (metadata as Record<string, unknown>).run_id;
  return typeof runId === "string" ? runId : undefined;
}

const PAGE = 100;
// The 1.5 server ignores `offset` when listing a thread's runs (it slices to `limit`), so one
// large page is asked for; a thread past it is pruned further on the next sweep.
const RUNS_PAGE = 10_000;
const SELECT: Array<"thread_id" | "status" | "updated_at"> = ["thread_id", "status", "updated_at"];

async function pruneRuns(client: RetentionClient, threadId: string, retention: Retention, now: number): Promise<number> {
  const owner = ownerOf(await client.threads.getState(threadId));
  const runs = await client.runs.list(threadId, { limit: RUNS_PAGE, offset: 0 });
  const doomed = runsToDelete(runs, owner, retention, now);
  for (const runId of doomed) await client.runs.delete(threadId, runId);
  return doomed.length;
}

async function pruneThreads(client: RetentionClient, retention: Retention, now: number): Promise<number> {
  let deleted = 0;
  for (let offset = retention.keepThreads; ;) {
    const page = await client.threads.search({ sortBy: "updated_at", sortOrder: "desc", limit: PAGE, offset, select: SELECT });
    const doomed = threadsToDelete(page, retention, now);
    for (const threadId of doomed) await client.threads.delete(threadId);
    deleted += doomed.length;
    if (page.length < PAGE) return deleted;
    offset += page.length - doomed.length; // the deleted ones no longer take up places
  }
}

export interface Swept {
  threads: number;
  runs: number;
}

/**
 * One pass: threads past the `keepThreads` most recent are deleted, then old runs of the kept
 * threads updated since `since` (all of them when undefined).
 */
export async function sweep(client: RetentionClient, retention: Retention, since?: number): Promise<Swept> {
  const now = Date.now();
  const threads = await pruneThreads(client, retention, now);
  const kept = await client.threads.search({
    sortBy: "updated_at",
    sortOrder: "desc",
    limit: retention.keepThreads,
    offset: 0,
    select: SELECT,
  });
  let runs = 0;
  for (const thread of kept) {
    if (since !== undefined && time(thread.updated_at) < since) break; // sorted: the rest are older
    runs += await pruneRuns(client, thread.thread_id, retention, now);
  }
  return { threads, runs };
}

/**
 * Where the next sweep starts looking: a run this one spared for the grace period finished after
 * this, and its thread's `updated_at` is no earlier than that (a second of slack for clocks).
 */
export const revisitAfter = (sweepStart: number, retention: Retention) => sweepStart - retention.graceMs - 1_000;

/**
 * Sweeps every `intervalMs` until the signal aborts. A thread is visited again while its runs
 * may still be inside the grace period of the sweep before; errors are reported and retried.
 */
export async function keepBounded(
  client: RetentionClient,
  retention: Retention,
  signal: AbortSignal,
  report: (message: string) => void,
  since?: number,
): Promise<void> {
  while (!signal.aborted) {
    try {
      await sleep(retention.intervalMs, undefined, { signal, ref: false });
    } catch {
      return; // aborted
    }
    const started = Date.now();
    try {
      const swept = await sweep(client, retention, since);
      if (swept.threads || swept.runs) report(`retention: deleted ${swept.threads} threads, ${swept.runs} runs`);
      since = revisitAfter(started, retention);
    } catch (err) {
      report(`retention: sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
