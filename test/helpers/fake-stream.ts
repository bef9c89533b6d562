// One pretend run for tests of following it: its event log, how each join of its stream behaves
// (ends, goes silent, closes late, throws) and the statuses the server reports, in order.
import type { Run } from "@langchain/langgraph-sdk";
import type { EngineClient } from "../../src/engine/sdk.js";
import { asEngineClient, type PartialFakeClient } from "./fake-client.js";

export interface Part {
  id: string;
  event: string;
  data: unknown;
}

/** Deliver the next `n` events of the log, or pause for `waitMs` (ended early by the abort). */
export type JoinStep = number | { waitMs: number };

/** After its steps a join ends, stays open until aborted, closes after a while, or throws. */
export type JoinEnd = "end" | "silent" | { closeAfterMs: number } | { throws: unknown };

export interface JoinScript {
  /** Default: the rest of the log at once. */
  steps?: JoinStep[];
  /** Default: "end". */
  then?: JoinEnd;
}

export type StatusScript = string | { throws: unknown };

export interface Join {
  lastEventId: string | undefined;
  signal: AbortSignal;
}

/** The events after `lastEventId` ("-1": all of them), as the servers replay a resumable run. */
function resumeAt(events: Part[], lastEventId: string | undefined): number {
  return events.findIndex((e) => e.id === lastEventId) + 1;
}

type JoinArgs = Parameters<EngineClient["runs"]["joinStream"]>;

/** Waits `ms` (forever if Infinity), rejecting with the abort reason as fetch does. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = ms === Infinity ? undefined : setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      if (signal.aborted) reject(signal.reason as Error);
      else resolve();
    }
  });
}

/**
 * Each join follows the next script and each status look-up gives the next status; the last of
 * each repeats once the list runs out.
 */
export function scriptedRun(script: { events: Part[]; joins?: JoinScript[]; statuses?: StatusScript[] }) {
  const joinScripts = script.joins ?? [{}];
  const statusScripts = script.statuses ?? ["success"];
  const joins: Join[] = [];
  /** When each status look-up was made (Date.now(), so fake time under fake timers). */
  const gets: number[] = [];
  const next = <T>(list: T[], i: number): T => list[Math.min(i, list.length - 1)] as T;

  async function* joinStream(_thread: JoinArgs[0], _run: JoinArgs[1], given: JoinArgs[2] = {}) {
    const { steps = [Infinity], then = "end" } = next(joinScripts, joins.length);
    const options = given instanceof AbortSignal ? { signal: given } : given;
    const signal = options.signal ?? new AbortController().signal;
    joins.push({ lastEventId: options.lastEventId, signal });
    let cursor = resumeAt(script.events, options.lastEventId);
    for (const step of steps) {
      if (typeof step === "object") {
        await pause(step.waitMs, signal);
        continue;
      }
      for (const end = Math.min(cursor + step, script.events.length); cursor < end; cursor += 1) {
        signal.throwIfAborted();
        yield script.events[cursor] as Part;
      }
    }
    if (then === "silent") await pause(Infinity, signal);
    else if (typeof then === "object" && "closeAfterMs" in then) await pause(then.closeAfterMs, signal);
    else if (typeof then === "object") throw then.throws;
  }

  async function get() {
    const status = next(statusScripts, gets.length);
    gets.push(Date.now());
    if (typeof status === "object") throw status.throws;
    // A script may name a status this SDK does not list, as another server might send.
    return { status: status as Run["status"] };
  }

  const client = { runs: { joinStream, get }, threads: {} } satisfies PartialFakeClient;
  return { client: asEngineClient(client), joins, gets };
}

/** Numbered `values` events "1".."n" for a run's log. */
export function valuesEvents(n: number): Part[] {
  return Array.from({ length: n }, (_, i) => ({ id: String(i + 1), event: "values", data: { step: i + 1 } }));
}
