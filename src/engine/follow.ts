// Follows one run to its end with a single reader (joinStream), rejoining where it left off
// when the connection drops, and says how the run ended as the server saw it.
import { setTimeout as sleep } from "node:timers/promises";
import { httpStatus, type EngineClient } from "./sdk.js";
import { QuietWatcher } from "./quiet-watcher.js";

/** `serverStatus`: the run's last status as the server gave it (none when the run is gone). */
export type RunOutcome =
  | { kind: "success"; detail?: string; serverStatus: string }
  | { kind: "error"; detail: string; serverStatus: string }
  /** Stopped by a later interrupt/rollback (or a cancel); `deleted` when the run is gone. */
  | { kind: "stopped"; deleted: boolean; detail?: string; serverStatus?: string };

export interface FollowTiming {
  /** Silence before the first status check; doubled after each check that finds the run going. */
  quietFirstMs: number;
  quietMaxMs: number;
  /** How long a run the server says has failed may keep its stream open to deliver the error. */
  errorGraceMs: number;
  /** After the graph's last checkpoint the status is asked at once, then after 2×, 4×, … this. */
  finishFirstMs: number;
  /** The n-th consecutive failure waits `backoffMs * 2 ** n`, at most `backoffMaxMs`, before joining again. */
  backoffMs: number;
  backoffMaxMs: number;
}

export interface FollowOptions {
  signal: AbortSignal;
  /** `namespace`: the subgraph the event comes from (streamed with subgraphs), empty for the graph itself. */
  onEvent(event: string, data: unknown, namespace: readonly string[]): void;
  /** Called before each new attempt after the server could not be reached. */
  onRetry?(err: unknown): void;
  /** Told once when the stream cannot be read on (an event that is not JSON): the run is then followed by its status. */
  onNotice?(text: string): void;
  /** Consecutive failures to reach the server before giving up (when there is no keepTrying). */
  maxFailures?: number;
  /** Asked after each failure: whether to try again (the session's budget for lost contact). */
  keepTrying?(err: unknown): boolean;
  /** Tests shorten these; the defaults suit the LangGraph servers. */
  timing?: Partial<FollowTiming>;
}

const DEFAULT_TIMING: FollowTiming = {
  quietFirstMs: 50,
  quietMaxMs: 2000,
  finishFirstMs: 10,
  errorGraceMs: 2000,
  backoffMs: 200,
  backoffMaxMs: 5000,
};

/** The text of a stream `error` event: `{error, message}` on the JS server, or a string. */
export function streamErrorText(data: unknown): string {
  if (typeof data === "string") return data;
  if (typeof data === "object" && data !== null) {
    const d = data as Record<string, unknown>;
    if (typeof d.message === "string") return d.message;
    if (typeof d.error === "string") return d.error;
  }
  return JSON.stringify(data);
}

/**
 * The servers end a stopped run's stream with an error whose message is exactly the action
 * ("interrupt" on the JS server). Anything else is a real error, even if it mentions cancelling.
 */
function isStopMessage(text: string | undefined): boolean {
  return text !== undefined && /^(interrupt|rollback)$/i.test(text.trim());
}

/**
 * A `checkpoints` event (asked for only where it is cheap, see Session's streamModes) whose next
 * steps are none: the graph has finished, and the run ends as soon as the server records it.
 * An interrupted graph's last checkpoint names the step it stopped before.
 */
function isLastCheckpoint(data: unknown): boolean {
  const next = (data as { next?: unknown } | null)?.next;
  return Array.isArray(next) && next.length === 0;
}

/** The run's status as the server has it now. */
async function runStatus({ client, threadId, runId }: Follow, signal: AbortSignal): Promise<string> {
  return (await client.runs.get(threadId, runId, { signal })).status;
}

/** What one attempt settled: how the run ended, or a failure to retry. */
type Step = { outcome: RunOutcome } | { failure: unknown };

/** One join: the events it delivered, and either the stream's end or what settled instead. */
type Read = { events: number } & ({ ended: string | undefined } | { step: Step });

interface Follow {
  client: EngineClient;
  threadId: string;
  runId: string;
  options: FollowOptions;
  timing: FollowTiming;
  /** Where the next join resumes; "-1" replays the run's stream from its first event. */
  lastEventId: string;
  streamError: string | undefined;
  /** The stream sent an event that is not JSON: rejoining would read it again, so only the status is followed. */
  unreadable: boolean;
}

export async function followRun(
  client: EngineClient,
  threadId: string,
  runId: string,
  options: FollowOptions,
): Promise<RunOutcome> {
  // Runs are created resumable, so replaying from "-1" misses nothing of a run that started
  // before we got to it.
  const follow: Follow = {
    client,
    threadId,
    runId,
    options,
    timing: { ...DEFAULT_TIMING, ...options.timing },
    lastEventId: "-1",
    streamError: undefined,
    unreadable: false,
  };
  const maxFailures = options.maxFailures ?? 5;
  for (let failures = 0; ;) {
    const read = follow.unreadable ? await watchStatus(follow) : await readStream(follow);
    if (read.events > 0) failures = 0;
    const step = "ended" in read ? await conclude(follow, read.ended) : read.step;
    if ("outcome" in step) return step.outcome;
    if (options.signal.aborted) throw step.failure;
    failures += 1;
    if (options.keepTrying ? !options.keepTrying(step.failure) : failures >= maxFailures) throw step.failure;
    options.onRetry?.(step.failure);
    const { backoffMs, backoffMaxMs } = follow.timing;
    await sleep(Math.min(backoffMs * 2 ** failures, backoffMaxMs), undefined, { signal: options.signal });
  }
}

/**
 * One join of the run's stream, read until it ends or the watcher finds the run over. `ended`
 * carries the status the watcher saw (undefined when the stream ended by itself).
 */
async function readStream(follow: Follow): Promise<Read> {
  const { client, threadId, runId, options } = follow;
  const attempt = new AbortController();
  let endedEarly: string | undefined;
  const watcher = new QuietWatcher(
    follow.timing,
    (signal) => runStatus(follow, signal),
    (status) => {
      endedEarly = status;
      attempt.abort();
    },
  );
  let events = 0;
  try {
    const signal = AbortSignal.any([options.signal, attempt.signal]);
    const stream = client.runs.joinStream(threadId, runId, { signal, lastEventId: follow.lastEventId });
    watcher.poke();
    for await (const part of stream) {
      events += 1;
      watcher.poke();
      if (part.id !== undefined) follow.lastEventId = part.id;
      // A subgraph's events are named `mode|namespace`; only the graph's own last checkpoint ends it.
      const [mode = "", ...namespace] = part.event.split("|");
      if (part.event === "error") follow.streamError = streamErrorText(part.data);
      else if (mode === "checkpoints") {
        if (namespace.length === 0 && isLastCheckpoint(part.data)) watcher.finished();
      } else options.onEvent(mode, part.data, namespace);
    }
    return { events, ended: endedEarly };
  } catch (err) {
    if (httpStatus(err) === 404 && !options.signal.aborted) {
      return { events, step: { outcome: { kind: "stopped", deleted: true } } };
    }
    // A protocol error, not an outage: the server's own answer about the run is still good.
    if (err instanceof SyntaxError && !options.signal.aborted) {
      follow.unreadable = true;
      options.onNotice?.(
        `a stream event was not JSON (${err.message}): following the run by its status; its live output stops here`,
      );
      if (endedEarly !== undefined) return { events, ended: endedEarly };
      watcher.stop(); // one watcher at a time: watchStatus has its own
      return { ...(await watchStatus(follow)), events };
    }
    // Our own early stop surfaces as an abort error; that is the run ending, not a failure.
    if (endedEarly !== undefined && !options.signal.aborted) return { events, ended: endedEarly };
    return { events, step: { failure: err } };
  } finally {
    watcher.stop();
    attempt.abort();
  }
}

/**
 * No stream to read (it was unreadable): the run's status, asked as the quiet watcher asks, until
 * it is over; a run gone (404) is stopped and deleted, and look-ups failing three times running
 * are a failure like a dropped stream's (retried while the session's reconnect budget lasts).
 */
function watchStatus(follow: Follow): Promise<Read> {
  const { options } = follow;
  let failures = 0;
  return new Promise((resolve) => {
    const done = (read: Read) => {
      watcher.stop();
      options.signal.removeEventListener("abort", aborted);
      resolve(read);
    };
    const aborted = () => done({ events: 0, step: { failure: options.signal.reason } });
    const status = async (signal: AbortSignal) => {
      try {
        const now = await runStatus(follow, signal);
        failures = 0;
        return now;
      } catch (err) {
        if (httpStatus(err) === 404) done({ events: 0, step: { outcome: { kind: "stopped", deleted: true } } });
        else if (++failures >= 3) done({ events: 0, step: { failure: err } });
        throw err;
      }
    };
    const watcher = new QuietWatcher(follow.timing, status, (ended) => done({ events: 0, ended }));
    options.signal.addEventListener("abort", aborted, { once: true });
    watcher.poke();
  });
}
/** The stream has ended: how the run ended, by its status (asked for unless already known). */
async function conclude(follow: Follow, known: string | undefined): Promise<Step> {
  let status = known;
  if (status === undefined) {
    try {
      status = (await follow.client.runs.get(follow.threadId, follow.runId, { signal: follow.options.signal })).status;
    } catch (err) {
      return httpStatus(err) === 404 ? { outcome: { kind: "stopped", deleted: true } } : { failure: err };
    }
  }
  const outcome = outcomeOf(status, follow.streamError);
  // Still pending or running: the stream ended early (a dropped connection). Join again.
  return outcome ? { outcome } : { failure: new Error(`the stream of run ${follow.runId} ended while it was ${status}`) };
}

function outcomeOf(status: string, streamError: string | undefined): RunOutcome | undefined {
  switch (status) {
    case "success":
      return { kind: "success", serverStatus: status };
    case "interrupted":
      return { kind: "stopped", deleted: false, serverStatus: status };
    case "error":
      return isStopMessage(streamError)
        ? { kind: "stopped", deleted: false, serverStatus: status }
        : { kind: "error", detail: streamError ?? "the run failed on the server", serverStatus: status };
    case "timeout":
      return { kind: "error", detail: "the run timed out on the server", serverStatus: status };
    default:
      return undefined;
  }
}
