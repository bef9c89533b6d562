// Mounts the demo's live lanes and feeds them timeline entries as they are observed.
import { render } from "ink";
import type { Strategy } from "../strategies.js";
import type { TimelineEntry } from "./lane.js";
import { DemoView, type LaneView } from "./DemoView.js";

export function startDemoView(strategies: readonly Strategy[]) {
  const lanes: LaneView[] = strategies.map((strategy) => ({ strategy, entries: [], done: false }));
  const columns = () => process.stdout.columns || 80;
  const rows = () => process.stdout.rows || Infinity;
  const instance = render(<DemoView lanes={lanes} columns={columns()} rows={rows()} />, {
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const redraw = () => instance.rerender(<DemoView lanes={lanes.map((l) => ({ ...l }))} columns={columns()} rows={rows()} />);
  const lane = (strategy: Strategy) => lanes.find((l) => l.strategy === strategy);
  return {
    add(strategy: Strategy, entry: TimelineEntry) {
      const l = lane(strategy);
      if (l) l.entries = [...l.entries, entry];
      redraw();
    },
    done(strategy: Strategy) {
      const l = lane(strategy);
      if (l) l.done = true;
      redraw();
    },
    async close() {
      redraw();
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
