// Which of a thread's messages belong to the run that just finished: pure, so it is easy to test.
import type { MessageDict } from "./message.js";

/** A stable key for a message: its id, or its position when a server gives none. */
export function messageKey(message: MessageDict, position: number): string {
  return message.id ?? `#${position}`;
}

/**
 * The thread's messages not yet emitted, in thread order, stopping at the first human message
 * of a later run (the thread may already hold the next run's input when this one is read).
 * Works when history is not a plain append: interrupted runs leave partial output and
 * rolled-back runs leave nothing, so the check is by key, not by count.
 */
export function newMessages(
  thread: readonly MessageDict[],
  emitted: ReadonlySet<string>,
  laterInputIds: ReadonlySet<string>,
): Array<{ key: string; message: MessageDict }> {
  const fresh: Array<{ key: string; message: MessageDict }> = [];
  for (const [position, message] of thread.entries()) {
    if (message.id && laterInputIds.has(message.id)) break;
    const key = messageKey(message, position);
    if (!emitted.has(key)) fresh.push({ key, message });
  }
  return fresh;
}
