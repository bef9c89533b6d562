// The run in progress: AI text as it streams, tool calls and results as they happen, subagents
// under their names, reasoning dimmed. Only its newest lines are drawn when the window is short,
// so the live region always fits.
import { Box, Text } from "ink";
import type { LiveLine } from "../live.js";
import { tail } from "../layout.js";

const COLOUR: Record<LiveLine["kind"], string | undefined> = {
  call: "green",
  result: "yellow",
  text: undefined,
  reasoning: undefined,
  media: "magenta",
  agent: "cyan",
};

/** `lines`: from liveLines(); `maxLines`: the box's height allowance, border included. */
export function LiveRun({ index, lines, maxLines }: { index: number | undefined; lines: readonly LiveLine[]; maxLines: number }) {
  if (index === undefined || lines.length === 0 || maxLines < 4) return null;
  const shown = tail(lines, maxLines - 3);
  const hidden = lines.length - shown.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      <Text dimColor wrap="truncate">
        #{index + 1} streaming{hidden ? ` (${hidden} earlier line${hidden === 1 ? "" : "s"} above)` : ""}
      </Text>
      {shown.map((line, i) => (
        <Text key={i} color={COLOUR[line.kind]} dimColor={line.kind === "reasoning"} wrap="truncate">
          {line.text === "" ? " " : line.text}
        </Text>
      ))}
    </Box>
  );
}
