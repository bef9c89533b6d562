// Who is told that the UI's state changed: at once, or (a streaming answer's next tokens) a little
// later. A long answer brings a token every few ms, and telling React of each had Ink redraw the
// live region at its 30 frames a second; the spinner's clock re-renders every 100 ms anyway and
// shows the latest text, so tokens wait for it (or for anything else to tell), at most `laterMs`.
export class Listeners {
  private readonly all = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly laterMs = 250) {}

  add(listener: () => void): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  /** Tells everyone now; a change waiting to be told goes with it. */
  now(): void {
    this.stop();
    for (const listener of this.all) listener();
  }

  /** Tells everyone within `laterMs`, once however many changes come meanwhile. */
  later(): void {
    this.timer ??= setTimeout(() => this.now(), this.laterMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
