// Chat's side of runs of unknown fate: at start, what became of the ones lost last time (one
// line each on stderr); meanwhile, the sessions' new ones; at the end, what to look up next time.
import type { Session } from "../engine/session.js";
import { isTerminal } from "../engine/status.js";
import { reconcile, reconciledLine, type LostRun } from "../engine/reconcile.js";
import type { EngineClient } from "../engine/sdk.js";
import { readLostRuns, writeLostRuns } from "../settings/lost-runs.js";
import { quote } from "../scripted/report.js";

export class LostRuns {
  private kept: LostRun[];
  private readonly fresh: LostRun[] = [];
  private changed = false;

  constructor(
    private readonly deployment: string,
    private readonly dir?: string,
  ) {
    this.kept = readLostRuns(deployment, dir);
  }

  /** Looks up the runs lost last time and says what became of each. */
  async reconcile(client: EngineClient, say: (line: string) => void): Promise<void> {
    if (this.kept.length === 0) return;
    const settled = new Set<LostRun>();
    for (const r of await reconcile(client, this.kept)) {
      say(`chat: ${reconciledLine(r, quote)}\n`);
      if (!r.open) settled.add(r.run);
    }
    this.kept = this.kept.filter((run) => !settled.has(run));
    this.changed = settled.size > 0;
  }

  /** Remembers each of this session's messages that becomes unknown, and forgets one settled after all. */
  watch(session: Session): void {
    session.subscribe((event) => {
      if (event.type !== "status") return;
      const { runId, clientId, text, status } = event.message;
      const at = this.fresh.findIndex((r) => r.clientId === clientId);
      if (event.cause.type === "lost" && at < 0)
        this.fresh.push({ threadId: session.threadId, clientId, text, ...(runId ? { runId } : {}) });
      else if (status !== "unknown" && isTerminal(status) && at >= 0) this.fresh.splice(at, 1); // settled after all
    });
  }

  save(): void {
    if (this.changed || this.fresh.length) writeLostRuns(this.deployment, [...this.kept, ...this.fresh], this.dir);
  }
}
