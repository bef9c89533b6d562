// Commands that finish later (a cancel, a thread switch): kept so a test or the exit can wait for them.
export class Work {
  private readonly pending = new Set<Promise<void>>();

  track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  /** Resolves when everything tracked so far (and started meanwhile) has finished. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending);
  }
}
