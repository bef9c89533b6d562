// The prompt: never disabled. Shows the text with a cursor; continuation lines are indented.
import { Box, Text } from "ink";
import type { EditState } from "../editing.js";
import { neutralise } from "../../sanitize.js";

export function Input({ state, strategy }: { state: EditState; strategy: string }) {
  const before = state.value.slice(0, state.cursor);
  const at = state.value[state.cursor];
  const after = state.value.slice(state.cursor + 1);
  const cursorChar = at === undefined || at === "\n" ? " " : at;
  const lines = `${before}\u0000${at === "\n" ? "\n" : ""}${after}`.split("\n");
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => {
        const [left, right] = line.split("\u0000");
        return (
          <Text key={i}>
            <Text color="cyan">{i === 0 ? "› " : "  "}</Text>
            {neutralise(left ?? "")}
            {right !== undefined ? <Text inverse>{neutralise(cursorChar)}</Text> : null}
            {neutralise(right ?? "")}
            {i === 0 && state.value === "" ? <Text dimColor> message ({strategy}) · /help</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
