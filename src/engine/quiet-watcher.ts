// Asks for a run's status while its stream is quiet (or at once after its last checkpoint), backing
// off, and says when the run is over: one timer and one status check at a time, both ended by stop().
import type { FollowTiming } from "./follow.js";

/**
 * The JS server closes a finished run's stream only ~500 ms after its last event. Rather than
 * wait for that on every run, while the stream is quiet this asks for the run's status (backing
 * off), or at once when the graph's last checkpoint comes, and calls `ended` once the run is
 * over. It owns its one timer and its one status check; `stop()` ends both.
 */
export class QuietWatcher {
  private timer: NodeJS.Timeout | undefined;
  private wait: number;
  private phase: "quiet" | "checking" | "grace" | "stopped" = "quiet";
  private readonly checks = new AbortController();

  constructor(
    private readonly timing: FollowTiming,
    private readonly status: (signal: AbortSignal) => Promise<string>,
    private readonly ended: (status: string) => void,
  ) {
    this.wait = timing.quietFirstMs;
  }

  /** The stream opened or delivered an event: the quiet period starts again. */
  poke(): void {
    this.wait = this.timing.quietFirstMs;
    if (this.phase === "quiet") this.arm(this.wait, () => void this.check());
  }

  /**
   * The graph says it is done (its last checkpoint has no next step): ask now, or soon after the
   * check already under way, and then soon again while the run is still marked running.
   */
  finished(): void {
    if (this.phase === "checking") this.wait = this.timing.finishFirstMs;
    if (this.phase !== "quiet") return;
    clearTimeout(this.timer);
    this.wait = this.timing.finishFirstMs;
    void this.check();
  }

  stop(): void {
    this.phase = "stopped";
    clearTimeout(this.timer);
    this.checks.abort();
  }

  private arm(ms: number, fire: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(fire, ms);
  }

  private async check(): Promise<void> {
    this.phase = "checking";
    const status = await this.status(this.checks.signal).catch(() => undefined);
    if (this.phase !== "checking") return;
    if (status === "success" || status === "interrupted") {
      this.phase = "stopped";
      this.ended(status);
    } else if (status === "error" || status === "timeout") {
      // Its error event is normally on its way and says whether this was an interrupt; a stream
      // that stays silent (a half-open connection) must not hold us until the socket times out.
      this.phase = "grace";
      this.arm(this.timing.errorGraceMs, () => {
        this.phase = "stopped";
        this.ended(status);
      });
    } else {
      // Still going, or no answer this time: ask again later, less often.
      this.phase = "quiet";
      this.wait = Math.min(this.wait * 2, this.timing.quietMaxMs);
      this.arm(this.wait, () => void this.check());
    }
  }
}
