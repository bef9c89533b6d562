// ↑/↓ through the input history as a shell does: the draft being typed, and any recalled entry
// edited on the way, are kept while walking, until the line is sent. Pure: the store does the I/O.
import type { InputHistory } from "./input-history.js";

export class HistoryWalker {
  private entries: readonly string[];
  /** Where the walk is: an index into entries, or entries.length for the draft. */
  private position: number;
  /** Text as the user left it at each position (the draft included), when it differs from the entry. */
  private edits = new Map<number, string>();

  constructor(private readonly store: InputHistory) {
    this.entries = store.load();
    this.position = this.entries.length;
  }

  add(text: string): void {
    this.entries = this.store.add(text);
    this.position = this.entries.length;
    this.edits = new Map();
  }

  /** The text to show after moving `step` (-1 older, +1 newer), or undefined to stay. */
  move(step: -1 | 1, current: string): string | undefined {
    const next = Math.min(this.entries.length, Math.max(0, this.position + step));
    if (next === this.position) return undefined;
    if (current !== this.entries[this.position]) this.edits.set(this.position, current);
    else this.edits.delete(this.position);
    this.position = next;
    return this.edits.get(next) ?? this.entries[next] ?? "";
  }
}
