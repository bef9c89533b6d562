// The prompt: never disabled. Shows the text with a cursor; continuation lines are indented.
import { Box, Text } from "ink";
import type { EditState } from "../editing.js";
import type { Question } from "../../engine/interrupts.js";
import { neutralise } from "../../sanitize.js";

/** What an empty line says it is for: a message, or the answer the agent waits for. */
function placeholder(strategy: string, question: Question | undefined): string {
  if (!question) return ` message (${strategy}) · /help`;
  if (question.interrupts.length === 0) return " Enter to go on · /send a new message instead";
  return " your answer · /help";
}

export function Input({ state, strategy, question }: { state: EditState; strategy: string; question?: Question }) {
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
            <Text color={question ? "yellow" : "cyan"}>
              {i === 0 ? (question ? "answer › " : "› ") : question ? "         " : "  "}
            </Text>
            {neutralise(left ?? "")}
            {right !== undefined ? <Text inverse>{neutralise(cursorChar)}</Text> : null}
            {neutralise(right ?? "")}
            {i === 0 && state.value === "" ? <Text dimColor>{placeholder(strategy, question)}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
