// Stopping runs: which ones a cancel stops, and why a run stopped before its end, in the user's
// terms (interrupted or rolled back by a later message of ours, cancelled, or gone).
import type { RunOutcome } from "./follow.js";
import type { OutgoingMessage } from "./types.js";
import { isTransient, serverMessage, type EngineClient } from "./sdk.js";
import { readInFlight } from "./lookup.js";

type Stopped = Extract<RunOutcome, { kind: "stopped" }>;

/**
 * The final status and words for message `index`, whose run ended `outcome`. A later message of
 * ours is named as the cause only when what the server did fits its strategy (deleted: a
 * rollback; status interrupted: an interrupt; a stop that ended `error` is either, on the JS
 * server), never by position alone: on a shared thread another client's run may have stopped it.
 */
export function stoppedReport(
  outcome: Stopped,
  index: number,
  messages: readonly OutgoingMessage[],
  wasCancelled: boolean,
): Partial<OutgoingMessage> {
  const did = outcome.deleted ? "rollback" : outcome.serverStatus === "interrupted" ? "interrupt" : undefined;
  const stopper = (m: OutgoingMessage) =>
    m.index > index &&
    !m.found &&
    m.runId !== undefined &&
    (m.strategy === "interrupt" || m.strategy === "rollback") &&
    (did === undefined || did === m.strategy);
  const cause = messages.find(stopper);
  if (outcome.deleted && !cause) {
    // Gone, and not by a rollback of ours: deleted elsewhere, or lost when the server restarted.
    return { status: "failed", detail: "the run is gone from the server (deleted, or lost in a restart)" };
  }
  const keptDespiteRollback = cause?.strategy === "rollback" && !outcome.deleted;
  const by = cause ? `#${cause.index + 1}` : "";
  return {
    status: outcome.deleted ? "rolled_back" : "interrupted",
    serverStatus: outcome.serverStatus,
    ...(cause ? { by: cause.index } : {}),
    detail: keptDespiteRollback
      ? `rollback requested by ${by}: the server stopped the run but kept its output`
      : cause
        ? `${outcome.deleted ? "deleted" : "interrupted"} by ${by} (${cause.strategy})`
        : wasCancelled
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

/** How long following a run keeps reconnecting to a deployment that stopped answering. */
export const RECONNECT_MS = 60_000;

/** A run we lost sight of: unknown while the server may still hold it, failed when it refused us. */
export function lostRun(err: unknown, runId: string, threadId: string, reconnectMs: number): Partial<OutgoingMessage> {
  if (!isTransient(err)) return { status: "failed", detail: `lost track of the run: ${serverMessage(err)}` };
  const detail =
    `no contact with the deployment for ${Math.round(reconnectMs / 1000)} s (${serverMessage(err)}); ` +
    `run ${runId} may still run on the server: see it with --thread ${threadId}`;
  return { status: "unknown", detail };
}

/** Asks the server to stop these runs (action interrupt), noting them as cancelled by us. */
export async function cancelRuns(client: EngineClient, threadId: string, ids: string[], cancelled: Set<string>): Promise<number> {
  for (const id of ids) cancelled.add(id);
  await Promise.all(ids.map((id) => client.runs.cancel(threadId, id, false, "interrupt")));
  return ids.length;
}
