// The run in progress: AI text as it streams, tool calls and results as they happen.
import { Box, Text } from "ink";
import type { LiveState } from "../live.js";
import { neutralise } from "../../transcript/sanitize.js";

const oneLine = (text: string, max: number) => {
  const line = neutralise(text).replace(/\s+/g, " ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export function LiveRun({ live, columns }: { live: LiveState; columns: number }) {
  if (live.index === undefined || live.entries.length === 0) return null;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      <Text dimColor>#{live.index + 1} streaming</Text>
      {live.entries.map((entry) =>
        entry.role === "tool" ? (
          <Text key={entry.id} color="yellow">
            ← {oneLine(entry.text, columns - 8)}
          </Text>
        ) : (
          <Box key={entry.id} flexDirection="column">
            {entry.calls.map((call, i) => (
              <Text key={i} color="green">
                → {oneLine(`${call.name || "tool"}(${call.args})`, columns - 8)}
              </Text>
            ))}
            {entry.text ? <Text>{neutralise(entry.text)}</Text> : null}
          </Box>
        ),
      )}
    </Box>
  );
}
