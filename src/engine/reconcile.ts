// Runs whose fate was unknown when chat last lost contact (see the "unknown" status) are
// remembered per deployment, and looked up on the next start: each is then said to have
// finished, to be still going, or to be gone, and forgotten once settled.
import { findRun } from "./lookup.js";
import { httpStatus, type EngineClient } from "./sdk.js";

export interface LostRun {
  readonly threadId: string;
  /** Unset when the create itself went unanswered: then the run is looked for by client id. */
  readonly runId?: string;
  readonly clientId: string;
  readonly text: string;
}

export interface Reconciled {
  readonly run: LostRun;
  /** The run's status now (success, error, pending…), or "gone" when the server has no such run. */
  readonly status: string;
  /** Still pending or running: kept to be looked up again next time. */
  readonly open: boolean;
}

/** What became of each lost run; a run that cannot be looked up now is left out (and kept). */
export async function reconcile(client: EngineClient, lost: readonly LostRun[]): Promise<Reconciled[]> {
  const results = await Promise.all(lost.map((run) => statusOf(client, run).catch(() => undefined)));
  return results.flatMap((status, i) => {
    const run = lost[i];
    return status === undefined || run === undefined ? [] : [{ run, status, open: status === "pending" || status === "running" }];
  });
}

async function statusOf(client: EngineClient, run: LostRun): Promise<string> {
  let runId = run.runId;
  if (runId === undefined) {
    const found = await findRun(client, run.threadId, run.clientId, { signal: new AbortController().signal, delayMs: 200 });
    if (found === "unknown") throw new Error("no answer");
    if (found === "absent") return "gone";
    runId = found.found;
  }
  try {
    return (await client.runs.get(run.threadId, runId)).status;
  } catch (err) {
    if (httpStatus(err) === 404) return "gone";
    throw err;
  }
}

/** One line per lost run looked up, for stderr before anything else is shown. */
export function reconciledLine(r: Reconciled, quote: (text: string) => string): string {
  const what = `run ${r.run.runId ?? "(unconfirmed)"} for "${quote(r.run.text)}" on thread ${r.run.threadId}`;
  if (r.status === "gone")
    return `earlier, contact was lost with ${what}: the server has no such run (it was never made, or was deleted)`;
  if (r.open) return `earlier, contact was lost with ${what}: it is still ${r.status}`;
  return `earlier, contact was lost with ${what}: it ended ${r.status}; see it with --thread ${r.run.threadId}`;
}
