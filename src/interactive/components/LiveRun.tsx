// The run in progress: AI text as it streams, tool calls and results as they happen.
import { Box, Text } from "ink";
import type { LiveState } from "../live.js";
import { neutralise, oneLine } from "../../sanitize.js";

export function LiveRun({ live, columns }: { live: LiveState; columns: number }) {
  if (live.index === undefined || live.entries.length === 0) return null;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
      <Text dimColor>#{live.index + 1} streaming</Text>
      {live.entries.map((entry) =>
        entry.role === "tool" ? (
          <Text key={entry.id} color="yellow">
            ← {oneLine(neutralise(entry.text), columns - 8)}
          </Text>
        ) : (
          <Box key={entry.id} flexDirection="column">
            {entry.calls.map((call, i) => (
              <Text key={i} color="green">
                → {oneLine(neutralise(`${call.name || "tool"}(${call.args})`), columns - 8)}
              </Text>
            ))}
            {entry.text ? <Text>{neutralise(entry.text)}</Text> : null}
          </Box>
        ),
      )}
    </Box>
  );
}
