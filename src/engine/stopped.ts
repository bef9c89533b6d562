// Stopping runs: which ones a cancel stops, and why a run stopped before its end, in the user's
// terms (interrupted or rolled back by a later message of ours, cancelled, or gone).
import type { RunOutcome } from "./follow.js";
import type { OutgoingMessage } from "./types.js";
import type { LifecycleEvent } from "./lifecycle.js";
import { isTransient, serverMessage, type EngineClient } from "./sdk.js";
import { readInFlight } from "./lookup.js";

type Stopped = Extract<RunOutcome, { kind: "stopped" }>;

/**
 * What became of message `index`, whose run ended `outcome`: stopped (its cause named), deleted
 * by a rollback of ours, or gone. A later message of ours is named as the cause only when what
 * the server did fits its strategy (deleted: a rollback; status interrupted: an interrupt; a stop
 * that ended `error` is either, on the JS server), never by position alone: on a shared thread
 * another client's run may have stopped it.
 */
export function stoppedReport(
  outcome: Stopped,
  index: number,
  messages: readonly OutgoingMessage[],
  cancel?: { readonly after: ReadonlySet<number> },
): Extract<LifecycleEvent, { type: "stopped" | "deleted" | "failed" }> {
  const did = outcome.deleted ? "rollback" : outcome.serverStatus === "interrupted" ? "interrupt" : undefined;
  const stopper = (m: OutgoingMessage) =>
    m.index > index &&
    !m.found &&
    m.runId !== undefined &&
    (m.strategy === "interrupt" || m.strategy === "rollback") &&
    (did === undefined || did === m.strategy) &&
    // We cancelled it too: a message whose run was made after the cancel went out came too late.
    (cancel === undefined || cancel.after.has(m.index));
  const found = messages.find(stopper);
  if (outcome.deleted && !found) {
    // Gone, and not by a rollback of ours: deleted elsewhere, or lost when the server restarted.
    return { type: "failed", detail: "the run is gone from the server (deleted, or lost in a restart)" };
  }
  const by = found ? `#${found.index + 1}` : "";
  if (found && outcome.deleted)
    return {
      type: "deleted",
      cause: { kind: "message", by: found.index, strategy: found.strategy },
      detail: `deleted by ${by} (${found.strategy})`,
    };
  const cause = found
    ? ({ kind: "message", by: found.index, strategy: found.strategy } as const)
    : ({ kind: cancel ? "cancel" : "other" } as const);
  return {
    type: "stopped",
    cause,
    ...(outcome.serverStatus ? { serverStatus: outcome.serverStatus } : {}),
    detail:
      found?.strategy === "rollback"
        ? `rollback requested by ${by}: the server stopped the run but kept its output`
        : found
          ? `interrupted by ${by} (${found.strategy})`
          : cancel
            ? "cancelled"
            : (outcome.detail ?? "stopped by another client's run"),
  };
}

/** Every pending and running run of the thread, ours or not: what "/cancel all" stops. */
export async function inFlightRuns(client: EngineClient, threadId: string): Promise<string[]> {
  return (await readInFlight(client, threadId)).map((run) => run.runId);
}

/** The run "/cancel" stops: ours that is running, else the next pending one. */
export function runsToCancel(messages: readonly OutgoingMessage[]): string[] {
  const active = messages.find((m) => m.status === "running") ?? messages.find((m) => m.status === "pending");
  return active?.runId ? [active.runId] : [];
}

/**
 * Contact is back (a create made at `createdAt` got through): the messages whose runs went unknown
 * before then, to follow again; not one a resend took over (the resend follows that run, once).
 */
export function toFollowAgain(messages: readonly OutgoingMessage[], createdAt: number): OutgoingMessage[] {
  const resent = new Set(messages.map((m) => m.retryOf));
  return messages.filter(
    (m) => m.status === "unknown" && m.runId && !resent.has(m.index) && (m.finishedAt ?? Infinity) <= createdAt,
  );
}

/** How long following a run keeps reconnecting to a deployment that stopped answering. */
export const RECONNECT_MS = 60_000;

/** A run we lost sight of: unknown while the server may still hold it, failed when it refused us. */
export function lostRun(
  err: unknown,
  runId: string,
  threadId: string,
  reconnectMs: number,
): Extract<LifecycleEvent, { type: "lost" | "failed" }> {
  if (!isTransient(err)) return { type: "failed", detail: `lost track of the run: ${serverMessage(err)}` };
  const detail =
    `no contact with the deployment for ${Math.round(reconnectMs / 1000)} s (${serverMessage(err)}); ` +
    `run ${runId} may still run on the server: see it with --thread ${threadId}`;
  return { type: "lost", detail };
}
