// `chat demo` live: one lane per strategy, each a growing timeline of both runs. Props in, no hooks.
import { Box, Text } from "ink";
import { tail } from "../interactive/layout.js";
import type { LaneView } from "./lanes-store.js";
import { timelineLine } from "./summary.js";

const COLOUR = (what: string) =>
  /rejected|error|failed/.test(what)
    ? "red"
    : /interrupted|cancelled|stopped|never ran|deleted/.test(what)
      ? "magenta"
      : /finished/.test(what)
        ? "green"
        : undefined;

/**
 * The lanes side by side as the width allows; each shows its newest entries only, so that all of
 * them fit in `rows` with a line to spare (taller output makes Ink leave stale lines behind).
 */
export function DemoView({ lanes, columns, rows = Infinity }: { lanes: readonly LaneView[]; columns: number; rows?: number }) {
  const perRow = columns >= 4 * 38 ? 4 : columns >= 2 * 38 ? 2 : 1;
  const width = perRow === 1 ? columns : Math.floor(columns / perRow) - 1;
  const laneRows = Math.ceil(lanes.length / perRow);
  // Border (2) and the lane's name (1) around its entries.
  const entriesMax = Math.max(1, Math.floor((rows - 1) / Math.max(1, laneRows)) - 3);
  return (
    <Box flexWrap="wrap">
      {lanes.map((lane) => (
        <Box
          key={lane.strategy}
          flexDirection="column"
          width={width}
          borderStyle="round"
          borderColor={lane.done ? "green" : "gray"}
          paddingX={1}
        >
          <Text bold>
            {lane.strategy}
            {lane.done ? " ✓" : " …"}
          </Text>
          {tail(lane.entries, entriesMax).map((e, i) => (
            <Text key={i} color={e.run === 1 ? COLOUR(e.what) : (COLOUR(e.what) ?? "cyan")} wrap="truncate">
              {timelineLine(e)}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
