// Which messages a finished run wrote, by the run that wrote them: the server records `run_id`
// in each checkpoint's metadata. On a thread shared with other clients, a run's output is then
// exactly its own, and what other clients' runs wrote before it is told apart, never passed off
// as ours. A server whose history cannot say falls back to the thread's new messages.
import { setTimeout as sleep } from "node:timers/promises";
import { messageKey, newMessages } from "./history.js";
import { isRecord, messagesOf, type MessageDict } from "./message.js";
import { httpStatus, serverMessage, type EngineClient } from "./sdk.js";
import { usageOf, type Usage } from "./usage.js";
import type { SessionEvent } from "./types.js";
import type { LifecycleEvent } from "./lifecycle.js";

type Fresh = Array<{ key: string; message: MessageDict }>;

export interface RunMessages {
  /** Written before this run by runs not followed here (another client's), not shown yet. */
  readonly others: Fresh;
  /** Written by this run (or, on a server that cannot say, the thread's new messages). */
  readonly ours: Fresh;
  /** The state at the run's end, when it has no `messages` list (a graph of another shape). */
  readonly values?: Record<string, unknown>;
}

/** The thread's messages just before the run and at its end, from its own checkpoints. */
interface Span {
  readonly before: readonly MessageDict[];
  readonly after: readonly MessageDict[];
  readonly values: unknown;
}

const MOST_CHECKPOINTS = 1000;

async function readSpan(client: EngineClient, threadId: string, runId: string): Promise<Span | "none" | undefined> {
  const history = await client.threads.getHistory(threadId, { limit: MOST_CHECKPOINTS, metadata: { run_id: runId } });
  const newest = history[0];
  const oldest = history.at(-1);
  if (!newest || !oldest) return "none";
  // Too many to be sure of the oldest, or a server that ignored the filter.
  if (history.length >= MOST_CHECKPOINTS) return undefined;
  if (history.some((h) => h.metadata?.run_id !== runId)) return undefined;
  // A run with input starts at an "input" checkpoint holding the state before it; a resume
  // starts from the checkpoint before its first one.
  let before: MessageDict[] = [];
  if (oldest.metadata?.source === "input") before = messagesOf(oldest.values);
  else if (oldest.parent_checkpoint?.checkpoint_id) {
    before = messagesOf((await client.threads.getState(threadId, oldest.parent_checkpoint.checkpoint_id)).values);
  }
  return { before, after: messagesOf(newest.values), values: newest.values };
}

/** The thread's state values, retried a few times: a run's output must not be skipped for a blip. */
async function readValues(client: EngineClient, threadId: string, delayMs: number): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await client.threads.getState(threadId)).values;
    } catch (err) {
      if (attempt >= 4 || httpStatus(err) === 404) throw err;
      await sleep(delayMs * 2 ** attempt);
    }
  }
}

/**
 * What to show for a run that ended: others' messages before it, then its own, none of them
 * shown before; `later` are our later messages' ids (their inputs may already be in the thread).
 */
export async function runMessages(
  client: EngineClient,
  threadId: string,
  runId: string | undefined,
  seen: { emitted: ReadonlySet<string>; later: ReadonlySet<string>; delayMs: number; stopped?: boolean },
): Promise<RunMessages> {
  const read = runId ? await readSpan(client, threadId, runId).catch(() => undefined) : undefined;
  // A run stopped (or failed) before it wrote a checkpoint wrote nothing: the thread's new messages are someone else's.
  if (read === "none" && seen.stopped) return { others: [], ours: [] };
  const span = read === "none" ? undefined : read;
  if (!span) {
    const values = await readValues(client, threadId, seen.delayMs);
    return { others: [], ours: newMessages(messagesOf(values), seen.emitted, seen.later), ...valuesOf(values) };
  }
  // Checkpoints hold no later run's input, so `later` (our queue order, which another client's
  // runs need not follow) has no say here: only the thread's own order does.
  const none = new Set<string>();
  const others = newMessages(span.before, seen.emitted, none);
  const before = new Set(span.before.map(messageKey));
  const ours = newMessages(span.after, seen.emitted, none).filter((f) => !before.has(f.key));
  return { others, ours, ...valuesOf(span.values) };
}

/** The state itself is the output only when it has no messages list to show. */
function valuesOf(values: unknown): { values?: Record<string, unknown> } {
  return isRecord(values) && !Array.isArray(values.messages) && Object.keys(values).length > 0 ? { values } : {};
}

/** The events for a run's output, in order; the keys they show are added to `emitted`. */
export function outputEvents(index: number, run: RunMessages, emitted: Set<string>): SessionEvent[] {
  const events: SessionEvent[] = [];
  for (const { fresh, byOthers } of [
    { fresh: run.others, byOthers: true },
    { fresh: run.ours, byOthers: false },
  ]) {
    for (const { key } of fresh) emitted.add(key);
    if (fresh.length) events.push({ type: "messages", index, messages: fresh.map((f) => f.message), byOthers });
  }
  // A graph whose state has no messages: what the run left is its state.
  if (run.values) events.push({ type: "values", index, values: run.values });
  return events;
}

/** What a finished run wrote, as the events that show it, and the tokens its AI messages report. */
export async function runOutput(
  client: EngineClient,
  threadId: string,
  runId: string | undefined,
  index: number,
  seen: { emitted: Set<string>; later: ReadonlySet<string>; delayMs: number; stopped?: boolean },
): Promise<{ events: SessionEvent[]; usage?: Usage } | { problem: string }> {
  try {
    const run = await runMessages(client, threadId, runId, seen);
    return { events: outputEvents(index, run, seen.emitted), usage: usageOf(run.ours.map((f) => f.message)) };
  } catch (err) {
    // Said out loud (and an exit code of 1), never skipped in silence.
    return { problem: `the run ended but its messages could not be read: ${serverMessage(err)}` };
  }
}

type End = Extract<LifecycleEvent, { type: "finished" | "stopped" }>;

/** A run's end with what its output says: the tokens it used and, for a run stopped early, the messages it left. */
export function endWithOutput(end: End, output: { events: readonly SessionEvent[]; usage?: Usage }): End {
  const usage = output.usage ? { usage: output.usage } : {};
  if (end.type !== "stopped") return { ...end, ...usage };
  const kept = output.events.flatMap((e) => (e.type === "messages" && !e.byOthers ? e.messages : []));
  return { ...end, ...usage, kept };
}
