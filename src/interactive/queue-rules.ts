// The Ink face's queue: which rows it shows, in what order and for how long, what /dismiss clears,
// what Ctrl+R may pull back into the input, and what leaving a thread would lose sight of. Pure.
import { isRefused, isTerminal, type MessageStatus } from "../engine/status.js";

/** Kept in the queue until the user acts: dismissed (refusals, runs of unknown fate, dropped questions) or answered. */
const STAYS: ReadonlySet<MessageStatus> = new Set(["rejected", "failed", "unknown", "waiting", "dropped"]);
export const staysInQueue = (status: MessageStatus): boolean => STAYS.has(status);

/** What /dismiss clears: what stays in view only to be seen, not what waits for an answer. */
export const isDismissable = (status: MessageStatus): boolean => STAYS.has(status) && status !== "waiting";

/**
 * What Ctrl+R and /retry can pull back into the input: a message that never ran, whose run a
 * strategy cut short, or whose fate is unknown (its resend finds the run instead of doubling it).
 */
export const isPullable = (status: MessageStatus): boolean =>
  isRefused(status) || status === "interrupted" || status === "rolled_back" || status === "unknown" || status === "withdrawn";

/** How long a message that ended normally stays in the queue after it finished. */
export const QUEUE_RECENT_MS = 4000;

interface Queued {
  readonly index: number;
  readonly status: MessageStatus;
  readonly finishedAt?: number;
}

/** Whether the queue shows this message at time `now`: unfinished, recent, or kept and not dismissed. */
export function inQueue(message: Queued, now: number, dismissed: ReadonlySet<number>): boolean {
  if (!isTerminal(message.status)) return true;
  if (STAYS.has(message.status)) return !dismissed.has(message.index);
  return now - (message.finishedAt ?? now) < QUEUE_RECENT_MS;
}

/**
 * Where a row stands in the queue: what goes on now (a run, or a question waiting for you) first,
 * then what waits its turn, then what finished; so a short window always shows the run in progress.
 */
function place(status: MessageStatus): number {
  if (status === "running" || status === "waiting") return 0;
  return isTerminal(status) ? 2 : 1;
}

/** The queue's rows in the order it shows them (send order within each place). */
export function queueOrder<T extends Queued>(messages: readonly T[]): T[] {
  return [...messages].sort((a, b) => place(a.status) - place(b.status) || a.index - b.index);
}

/** Something in the queue still changes with time (a spinner, an elapsed time, a row about to go). */
export function queueMoving(messages: readonly Queued[], now: number): boolean {
  return messages.some((m) => !isTerminal(m.status) || (!STAYS.has(m.status) && now - (m.finishedAt ?? 0) < QUEUE_RECENT_MS));
}

/** What leaving a thread's session would lose sight of: messages in flight, and kept rows not dismissed. */
export function leftBehind(messages: readonly Queued[], dismissed: ReadonlySet<number>): number {
  return messages.filter((m) => !isTerminal(m.status) || (isDismissable(m.status) && !dismissed.has(m.index))).length;
}

/** What is unfinished at the end: in flight or held, or of unknown fate, unless a resend took it over (and settled it). */
export function unsettled<T extends Queued & { readonly retryOf?: number }>(messages: readonly T[]): T[] {
  const resent = new Set(messages.map((m) => m.retryOf));
  return messages.filter((m) => !isTerminal(m.status) || (m.status === "unknown" && !resent.has(m.index)));
}
