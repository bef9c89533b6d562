// ↑/↓ through the input history, keeping the draft being typed. Pure: the store does the I/O.
import type { InputHistory } from "./input-history.js";

/** ↑/↓ through what was typed before; the draft being typed is kept while walking. */
export class HistoryWalker {
  private entries: readonly string[];
  private position: number | undefined;
  private draft = "";

  constructor(private readonly store: InputHistory) {
    this.entries = store.load();
  }

  add(text: string): void {
    this.position = undefined;
    this.entries = this.store.add(text);
  }

  /** The text to show after moving `step` (-1 older, +1 newer), or undefined to stay. */
  move(step: -1 | 1, current: string): string | undefined {
    const at = this.position ?? this.entries.length;
    const next = Math.min(this.entries.length, Math.max(0, at + step));
    if (next === at) return undefined;
    if (this.position === undefined) this.draft = current;
    this.position = next === this.entries.length ? undefined : next;
    return next === this.entries.length ? this.draft : this.entries[next];
  }
}
