// `chat demo` live: one lane per strategy, each a growing timeline of both runs.
import { Box, Text } from "ink";
import type { TimelineEntry } from "../demo/lane.js";
import { timelineLine } from "../demo/summary.js";
import type { Strategy } from "../strategies.js";

export interface LaneView {
  strategy: Strategy;
  entries: readonly TimelineEntry[];
  done: boolean;
}

const COLOUR = (what: string) =>
  /rejected|error|failed/.test(what)
    ? "red"
    : /interrupted|deleted/.test(what)
      ? "magenta"
      : /finished/.test(what)
        ? "green"
        : undefined;

export function DemoView({ lanes, columns }: { lanes: readonly LaneView[]; columns: number }) {
  const width = columns >= 4 * 38 ? Math.floor(columns / 4) - 1 : columns >= 2 * 38 ? Math.floor(columns / 2) - 1 : columns;
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
          {lane.entries.map((e, i) => (
            <Text key={i} color={e.run === 1 ? COLOUR(e.what) : (COLOUR(e.what) ?? "cyan")} wrap="truncate">
              {timelineLine(e)}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
