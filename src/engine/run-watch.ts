// Other clients' runs on a shared thread, noticed while ours are in flight: the thread's run list
// is read every few seconds, and a run in flight that is not ours is followed like ours (its row
// in the queue, its output in queue order). One timer, cleared by stop().
import { readInFlight, type FoundRun } from "./lookup.js";
import type { EngineClient } from "./sdk.js";

export interface RunWatchOptions {
  /** Whether anything of ours is still in flight (no need to look otherwise). */
  busy(): boolean;
  /** Already followed here, or made by one of our own sends. */
  known(run: FoundRun): boolean;
  adopt(run: FoundRun): void;
}

export class RunWatch {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly client: EngineClient,
    private readonly threadId: string,
    private readonly everyMs: number,
    private readonly options: RunWatchOptions,
  ) {}

  /** Looks again in a moment, unless a look is already due. */
  arm(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => void this.look(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Looks now (the last of ours just ended: a run queued behind it is likely another client's). */
  async look(): Promise<void> {
    clearTimeout(this.timer);
    if (this.stopped) return;
    try {
      const runs = await readInFlight(this.client, this.threadId);
      if (this.stopped) return;
      for (const run of runs) if (!this.options.known(run)) this.options.adopt(run);
    } catch {
      // a look that got no answer is simply taken again later
    } finally {
      this.timer = undefined;
      if (!this.stopped && this.options.busy()) this.arm();
    }
  }
}
