// Taking back a message that has not run: a held one at once, a pending one by cancelling its run
// on the server first, so it never runs. One that runs already is not taken back (that is a stop).
import type { OutgoingMessage } from "./types.js";
import { allows, type LifecycleEvent } from "./lifecycle.js";
import { httpStatus, serverMessage, type EngineClient } from "./sdk.js";

export type WithdrawHow = "unsend" | "drop";

/** It was taken back, or why not (one line, and nothing changed). */
export type Withdrawal = { readonly withdrawn: OutgoingMessage } | { readonly refused: string };

export interface WithdrawHost {
  readonly client: EngineClient;
  readonly threadId: string;
  messages(): readonly OutgoingMessage[];
  apply(index: number, event: LifecycleEvent): boolean;
  /** Notes a cancel of ours, so a run that started meanwhile is said to be stopped by it. */
  cancelled(runId: string): void;
}

const WHY_NOT: Partial<Record<OutgoingMessage["status"], string>> = {
  sending: "is still being sent: try again in a moment",
  running: "is running: it is not taken back (Esc or /cancel stops it)",
};

export async function withdraw(host: WithdrawHost, index: number, how: WithdrawHow): Promise<Withdrawal> {
  const message = host.messages()[index];
  if (!message) return { refused: `there is no #${index + 1}` };
  const name = `#${index + 1}`;
  if (message.found) return { refused: `${name} is another client's run: /cancel all stops it` };
  if (message.kind !== "message") return { refused: `${name} is an answer: it cannot be taken back` };
  if (message.status === "held") return taken(host, message, how);
  if (message.status !== "pending" || !message.runId)
    return { refused: `${name} ${WHY_NOT[message.status] ?? `has ended (${message.status}): nothing to take back`}` };
  try {
    // Only a run still pending is cancelled: one already running is stopped by a cancel, not taken back.
    const now = (await host.client.runs.get(host.threadId, message.runId)).status;
    if (now !== "pending")
      return now === "running" ? startedMeanwhile(name) : { refused: `${name} has ended (${now}): nothing to take back` };
    await host.client.runs.cancel(host.threadId, message.runId, false, "interrupt");
    host.cancelled(message.runId);
    return (await neverRan(host, message.runId))
      ? taken(host, host.messages()[index] ?? message, how)
      : startedMeanwhile(name, true);
  } catch (err) {
    return { refused: `${name} could not be taken back: ${serverMessage(err)}` };
  }
}

/**
 * Whether a cancelled run never started: gone, or interrupted without a checkpoint of its own (a
 * worker may have picked it up between our look and the cancel: then it is stopped, not taken back).
 */
async function neverRan(host: WithdrawHost, runId: string): Promise<boolean> {
  const after = await host.client.runs.get(host.threadId, runId).catch((err: unknown) => err);
  if (httpStatus(after) === 404) return true;
  if ((after as { status?: unknown }).status !== "interrupted") return false;
  return (await host.client.threads.getHistory(host.threadId, { limit: 1, metadata: { run_id: runId } })).length === 0;
}

function taken(host: WithdrawHost, message: OutgoingMessage, how: WithdrawHow): Withdrawal {
  // Its run may have been seen starting while the cancel was on its way.
  if (!allows(message.status, { type: "withdrawn", how })) return startedMeanwhile(`#${message.index + 1}`, true);
  host.apply(message.index, { type: "withdrawn", how });
  return { withdrawn: host.messages()[message.index] ?? message };
}

const startedMeanwhile = (name: string, stopped = false): Withdrawal => ({
  refused: stopped
    ? `${name} had started before the take-back arrived: the server stopped it (its text stays in ↑ history)`
    : `${name} has started meanwhile: it runs and is not taken back (Esc or /cancel stops it)`,
});
