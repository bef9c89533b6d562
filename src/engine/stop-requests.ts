// What the user asks to stop: cancels (Esc, /cancel) and take-backs (/unsend, /drop). Remembered,
// so a run's end is put down to them (stoppedReport) and waits for a take-back's answer.
import { inFlightRuns, runsToCancel } from "./stopped.js";
import { withdraw, type WithdrawHost, type WithdrawHow, type Withdrawal } from "./withdraw.js";

/** A cancel we sent for a run: `after`, the messages of ours whose runs were made before it went out. */
export interface Cancel {
  readonly after: ReadonlySet<number>;
}

export class StopRequests {
  private readonly cancels = new Map<string, Cancel>();
  private readonly withdrawals = new Map<number, Promise<Withdrawal>>();
  private readonly pending = new Map<number, Promise<Withdrawal>>();

  constructor(private readonly host: Omit<WithdrawHost, "cancelled">) {}

  /** Cancels (action interrupt) the running run, or every run in flight on the thread, ours or not; says how many. */
  async cancel(scope: "running" | "all"): Promise<number> {
    const { client, threadId } = this.host;
    const ids = scope === "all" ? await inFlightRuns(client, threadId) : runsToCancel(this.host.messages());
    this.note(ids);
    await Promise.all(ids.map((id) => client.runs.cancel(threadId, id, false, "interrupt")));
    return ids.length;
  }

  /** Takes back a message that has not run (see withdraw.ts). */
  withdraw(index: number, how: WithdrawHow): Promise<Withdrawal> {
    // A second take-back of the same message (Alt+↑ twice) gets the first one's answer.
    const under = this.pending.get(index);
    if (under) return under;
    const done = withdraw({ ...this.host, cancelled: (runId) => this.note([runId]) }, index, how);
    this.withdrawals.set(index, done);
    this.pending.set(index, done);
    void done.finally(() => this.pending.delete(index));
    return done;
  }

  /** Our cancel of this run, if we sent one. */
  cancelOf = (runId: string): Cancel | undefined => this.cancels.get(runId);

  /** Resolves once a take-back of message `index` under way (if any) has its answer. */
  settled = async (index: number): Promise<void> => void (await this.withdrawals.get(index));

  /** The first cancel of a run counts, with which of our runs had been made by then. */
  private note(ids: readonly string[]): void {
    const after = new Set(this.host.messages().flatMap((m) => (m.createdAt !== undefined ? [m.index] : [])));
    for (const id of ids) if (!this.cancels.has(id)) this.cancels.set(id, { after });
  }
}
