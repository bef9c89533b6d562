// Follows one run to its end with a single reader (joinStream), rejoining where it left off
// when the connection drops, and says how the run ended as the server saw it.
import { setTimeout as sleep } from "node:timers/promises";
import { httpStatus, type EngineClient } from "./sdk.js";

/** `serverStatus`: the run's last status as the server gave it (none when the run is gone). */
export type RunOutcome =
  | { kind: "success"; detail?: string; serverStatus: string }
  | { kind: "error"; detail: string; serverStatus: string }
  /** Stopped by a later interrupt/rollback (or a cancel); `deleted` when the run is gone. */
  | { kind: "stopped"; deleted: boolean; detail?: string; serverStatus?: string };

export interface FollowOptions {
  signal: AbortSignal;
  onEvent(event: string, data: unknown): void;
  /** Called before each new attempt after the server could not be reached. */
  onRetry?(err: unknown): void;
  /** Consecutive failures to reach the server before giving up. */
  maxFailures?: number;
}

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

const QUIET_FIRST_MS = 120;
const QUIET_MAX_MS = 2000;
const ERROR_GRACE_MS = 2000;

export async function followRun(
  client: EngineClient,
  threadId: string,
  runId: string,
  options: FollowOptions,
): Promise<RunOutcome> {
  // "-1" replays the run's stream from its first event (runs are created resumable), so
  // nothing is missed when we join a run that started before we got to it.
  let lastEventId = "-1";
  let streamError: string | undefined;
  let failures = 0;
  const maxFailures = options.maxFailures ?? 5;
  const failed = async (err: unknown): Promise<void> => {
    if (options.signal.aborted) throw err;
    failures += 1;
    if (failures >= maxFailures) throw err;
    options.onRetry?.(err);
    await sleep(200 * 2 ** failures, undefined, { signal: options.signal });
  };

  for (;;) {
    // The server closes a finished run's stream only ~500 ms after its last event. When the
    // stream goes quiet we ask for the run's status (backing off) and stop reading as soon as it
    // has ended cleanly. An error is read to the end, so its message ("interrupt") is not missed.
    const attempt = new AbortController();
    let endedEarly: string | undefined;
    let quiet = QUIET_FIRST_MS;
    let timer: NodeJS.Timeout | undefined;
    let reading = true;
    const watch = () => {
      clearTimeout(timer);
      if (!reading) return;
      timer = setTimeout(() => {
        client.runs.get(threadId, runId, { signal: attempt.signal }).then(
          (run) => {
            if (run.status === "success" || run.status === "interrupted") {
              endedEarly = run.status;
              attempt.abort();
            } else if (run.status === "error" || run.status === "timeout") {
              // Its error event is normally on its way; a stream that stays silent (a half-open
              // connection) must not hold us until the socket times out.
              setTimeout(() => {
                if (!reading) return;
                endedEarly = run.status;
                attempt.abort();
              }, ERROR_GRACE_MS);
            } else {
              quiet = Math.min(quiet * 2, QUIET_MAX_MS);
              watch();
            }
          },
          () => undefined,
        );
      }, quiet);
    };
    try {
      const signal = AbortSignal.any([options.signal, attempt.signal]);
      const stream = client.runs.joinStream(threadId, runId, { signal, lastEventId });
      watch();
      for await (const part of stream) {
        failures = 0;
        quiet = QUIET_FIRST_MS;
        watch();
        if (part.id !== undefined) lastEventId = part.id;
        if (part.event === "error") streamError = streamErrorText(part.data);
        else options.onEvent(part.event, part.data);
      }
    } catch (err) {
      if (httpStatus(err) === 404 && !options.signal.aborted) return { kind: "stopped", deleted: true };
      if (endedEarly === undefined || options.signal.aborted) {
        reading = false;
        clearTimeout(timer);
        await failed(err);
        continue;
      }
    } finally {
      reading = false;
      clearTimeout(timer);
      attempt.abort();
    }
    let status: string;
    try {
      status = endedEarly ?? (await client.runs.get(threadId, runId, { signal: options.signal })).status;
    } catch (err) {
      if (httpStatus(err) === 404) return { kind: "stopped", deleted: true };
      await failed(err);
      continue;
    }
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
        // Still pending or running: the stream ended early (a dropped connection). Join again.
        await failed(new Error(`the stream of run ${runId} ended while it was ${status}`));
    }
  }
}

