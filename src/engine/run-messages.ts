// Which messages a finished run wrote, by the run that wrote them: the server records `run_id`
// in each checkpoint's metadata. On a thread shared with other clients, a run's output is then
// exactly its own, and what other clients' runs wrote before it is told apart, never passed off
// as ours. A server whose history cannot say falls back to the thread's new messages.
import { setTimeout as sleep } from "node:timers/promises";
import { messageKey, newMessages } from "./history.js";
import { messagesOf, type MessageDict } from "./message.js";
import { httpStatus, type EngineClient } from "./sdk.js";

type Fresh = Array<{ key: string; message: MessageDict }>;

export interface RunMessages {
  /** Written before this run by runs not followed here (another client's), not shown yet. */
  readonly others: Fresh;
  /** Written by this run (or, on a server that cannot say, the thread's new messages). */
  readonly ours: Fresh;
}

/** The thread's messages just before the run and at its end, from its own checkpoints. */
interface Span {
  readonly before: readonly MessageDict[];
  readonly after: readonly MessageDict[];
}

const MOST_CHECKPOINTS = 1000;

async function readSpan(client: EngineClient, threadId: string, runId: string): Promise<Span | undefined> {
  const history = await client.threads.getHistory(threadId, { limit: MOST_CHECKPOINTS, metadata: { run_id: runId } });
  const newest = history[0];
  const oldest = history.at(-1);
  // None (the run wrote nothing), too many to be sure of the oldest, or a server that ignored the filter.
  if (!newest || !oldest || history.length >= MOST_CHECKPOINTS) return undefined;
  if (history.some((h) => h.metadata?.run_id !== runId)) return undefined;
  // A run with input starts at an "input" checkpoint holding the state before it; a resume
  // starts from the checkpoint before its first one.
  let before: MessageDict[] = [];
  if (oldest.metadata?.source === "input") before = messagesOf(oldest.values);
  else if (oldest.parent_checkpoint?.checkpoint_id) {
    before = messagesOf((await client.threads.getState(threadId, oldest.parent_checkpoint.checkpoint_id)).values);
  }
  return { before, after: messagesOf(newest.values) };
}

/** The thread's messages, retried a few times: a run's output must not be skipped for a blip. */
export async function readMessages(client: EngineClient, threadId: string, delayMs: number): Promise<MessageDict[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return messagesOf((await client.threads.getState(threadId)).values);
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
  seen: { emitted: ReadonlySet<string>; later: ReadonlySet<string>; delayMs: number },
): Promise<RunMessages> {
  const span = runId ? await readSpan(client, threadId, runId).catch(() => undefined) : undefined;
  if (!span)
    return { others: [], ours: newMessages(await readMessages(client, threadId, seen.delayMs), seen.emitted, seen.later) };
  // Checkpoints hold no later run's input, so `later` (our queue order, which another client's
  // runs need not follow) has no say here: only the thread's own order does.
  const none = new Set<string>();
  const others = newMessages(span.before, seen.emitted, none);
  const before = new Set(span.before.map(messageKey));
  const ours = newMessages(span.after, seen.emitted, none).filter((f) => !before.has(f.key));
  return { others, ours };
}
