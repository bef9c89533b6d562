// The demo's lanes as a store, as the chat face's controller is one: `chat demo` feeds it what each
// lane observes, the live view reads it (subscribe / getSnapshot). No React.
import type { Strategy } from "../strategies.js";
import type { TimelineEntry } from "./lane.js";

/** One lane as the live view draws it: its strategy, its timeline so far, whether it is over. */
export interface LaneView {
  readonly strategy: Strategy;
  readonly entries: readonly TimelineEntry[];
  readonly done: boolean;
}

export class LanesStore {
  private lanes: readonly LaneView[];
  private readonly listeners = new Set<() => void>();

  /** `texts`: the two messages every lane sends, for the view to show once above the lanes. */
  constructor(
    strategies: readonly Strategy[],
    readonly texts?: readonly [string, string],
  ) {
    this.lanes = strategies.map((strategy) => ({ strategy, entries: [], done: false }));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The lanes now: a new array (and a new object for the lane that changed) whenever anything changes. */
  readonly getSnapshot = (): readonly LaneView[] => this.lanes;

  /** A lane observed something: `entry` goes at the end of its timeline. */
  add(strategy: Strategy, entry: TimelineEntry): void {
    this.change(strategy, (lane) => ({ ...lane, entries: [...lane.entries, entry] }));
  }

  /** A lane is over (it ended, or failed). */
  done(strategy: Strategy): void {
    this.change(strategy, (lane) => (lane.done ? lane : { ...lane, done: true }));
  }

  private change(strategy: Strategy, update: (lane: LaneView) => LaneView): void {
    const lanes = this.lanes.map((lane) => (lane.strategy === strategy ? update(lane) : lane));
    if (lanes.every((lane, i) => lane === this.lanes[i])) return;
    this.lanes = lanes;
    for (const listener of [...this.listeners]) listener();
  }
}
