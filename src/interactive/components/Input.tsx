// The prompt: never disabled. Shows the text with a cursor (inverse video, even under NO_COLOR);
// long lines wrap under the text, not under the prompt, and the lines drawn are the lines the
// layout counted (inputRows).
import { Box, Text } from "ink";
import type { EditState } from "../editing.js";
import type { Question } from "../../engine/interrupts.js";
import { neutralise } from "../../sanitize.js";
import stringWidth from "string-width";
import { hint, inverse, placeholder, promptOf } from "../prompt-look.js";

/** One drawn row: text before the cursor, the cursor cell (if on this row), text after. */
interface Row {
  readonly before: string;
  readonly cursor?: string;
  readonly after: string;
}

/** The input as rows `width` columns wide (the prompt excluded), the cursor cell marked. */
export function inputRows(state: EditState, width: number): Row[] {
  const rows: Row[] = [];
  let offset = 0;
  for (const line of state.value.split("\n")) {
    // The cursor counts UTF-16 units; cells are code points (an emoji is one cell, two units).
    const at =
      state.cursor >= offset && state.cursor <= offset + line.length ? [...line.slice(0, state.cursor - offset)].length : -1;
    // Cells: each character as it is shown (controls neutralised), and a blank for a cursor at the end.
    const cells = [...line].map((c) => neutralise(c));
    if (at === cells.length) cells.push(" ");
    let row = { before: "", cursor: undefined as string | undefined, after: "" };
    let used = 0;
    cells.forEach((cell, index) => {
      const w = stringWidth(cell);
      if (used + w > width && used > 0) {
        rows.push(row);
        row = { before: "", cursor: undefined, after: "" };
        used = 0;
      }
      if (index === at) row.cursor = cell;
      else if (row.cursor === undefined) row.before += cell;
      else row.after += cell;
      used += w;
    });
    rows.push(row);
    offset += line.length + 1;
  }
  return rows;
}

export function Input({
  state,
  strategy,
  question,
  step,
  columns,
  maxRows = Infinity,
}: {
  state: EditState;
  strategy: string;
  question?: Question;
  /** Which action of a review of several the next decision is for. */
  step?: string;
  columns: number;
  /** At most this many rows: those around the cursor. */
  maxRows?: number;
}) {
  const prompt = promptOf(question);
  const all = inputRows(state, Math.max(1, columns - prompt.length));
  const at = Math.max(
    0,
    all.findIndex((r) => r.cursor !== undefined),
  );
  const first = Math.max(0, Math.min(at - Math.floor(maxRows / 2), all.length - maxRows));
  const rows = all.length > maxRows ? all.slice(first, first + maxRows) : all;
  const colour = question ? "yellow" : "cyan";
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Box key={i}>
          <Box width={prompt.length} flexShrink={0}>
            <Text color={colour}>{i === 0 ? prompt : " "}</Text>
          </Box>
          <Text wrap="truncate">
            {row.before}
            {row.cursor !== undefined ? inverse(row.cursor) : null}
            {row.after}
            {i === 0 && state.value === "" ? hint(placeholder(strategy, question, step)) : null}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
