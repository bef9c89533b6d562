// `chat demo` live: the two messages once at the top, then one lane per strategy, each a growing
// timeline of both runs. Props in, no hooks.
import { Box, Text } from "ink";
import { elide } from "../interactive/layout.js";
import { neutralise, oneLine } from "../sanitize.js";
import type { TimelineEntry } from "./lane.js";
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

/** A model's or a tool's step: what a lane gives up first when it does not fit. */
const STEP = /^(model step|tool call answered)$/;

type LaneLine = TimelineEntry | { readonly gap: number };

/**
 * A lane's entries in at most `max` lines: its first and last always; where they do not all fit,
 * the oldest model and tool steps go first (`steps` counts them), then the middle gives way to a
 * "… n more" line.
 */
export function fitLane(entries: readonly TimelineEntry[], max: number): { lines: readonly LaneLine[]; steps: number } {
  const kept = [...entries];
  let steps = 0;
  for (let i = 1; i < kept.length - 1 && kept.length > max;) {
    if (STEP.test(kept[i]?.what ?? "")) {
      kept.splice(i, 1);
      steps += 1;
    } else i += 1;
  }
  return { lines: elide<LaneLine>(kept, Math.max(1, max), (gap) => ({ gap })), steps };
}

export interface DemoViewProps {
  lanes: readonly LaneView[];
  columns: number;
  rows?: number;
  /** The two messages every lane sends, shown once above the lanes. */
  texts?: readonly [string, string];
}

/**
 * The lanes side by side as the width allows; each keeps its first and newest entries, so that
 * all of them fit in `rows` with a line to spare (taller output makes Ink leave stale lines behind).
 */
export function DemoView({ lanes, columns, rows = Infinity, texts }: DemoViewProps) {
  const perRow = columns >= 4 * 38 ? 4 : columns >= 2 * 38 ? 2 : 1;
  const width = perRow === 1 ? columns : Math.floor(columns / perRow) - 1;
  const laneRows = Math.ceil(lanes.length / perRow);
  const header = texts ? 2 : 0;
  // Border (2) and the lane's name (1) around its entries.
  const entriesMax = Math.max(1, Math.floor((rows - 1 - header) / Math.max(1, laneRows)) - 3);
  const said = (text: string) => JSON.stringify(oneLine(neutralise(text), Math.max(8, columns - 40)));
  return (
    <Box flexDirection="column">
      {texts ? (
        <>
          <Text wrap="truncate">#1 {said(texts[0])}, then on the same thread</Text>
          <Text wrap="truncate">#2 {said(texts[1])}, sent with each lane's strategy</Text>
        </>
      ) : null}
      <Box flexWrap="wrap">
        {lanes.map((lane) => {
          const { lines, steps } = fitLane(lane.entries, entriesMax);
          return (
            <Box
              key={lane.strategy}
              flexDirection="column"
              width={width}
              borderStyle="round"
              borderColor={lane.done ? "green" : "gray"}
              paddingX={1}
            >
              <Text bold wrap="truncate">
                {lane.strategy}
                {lane.done ? " ✓" : " …"}
                {steps ? <Text dimColor> ({steps === 1 ? "1 step" : `${steps} steps`} not shown)</Text> : null}
              </Text>
              {lines.map((e, i) =>
                "gap" in e ? (
                  <Text key={i} dimColor wrap="truncate">
                    {`  … ${e.gap} more`}
                  </Text>
                ) : (
                  <Text key={i} color={e.run === 1 ? COLOUR(e.what) : (COLOUR(e.what) ?? "cyan")} wrap="truncate">
                    {timelineLine(e)}
                  </Text>
                ),
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
