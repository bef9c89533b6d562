// The prompt: never disabled. Shows the text with a cursor (inverse video, even under NO_COLOR);
// long lines wrap under the text, not under the prompt, and the lines drawn are the lines the
// layout counted (inputRows).
import { Box, Text } from "ink";
import type { EditState } from "../editing.js";
import type { Question } from "../../engine/interrupts.js";
import { neutralise } from "../../sanitize.js";
import stringWidth from "string-width";

/** What an empty line says it is for: a message, or the answer the agent waits for. */
function placeholder(strategy: string, question: Question | undefined, step: string | undefined): string {
  if (!question) return ` message (${strategy}) · /help`;
  if (question.interrupts.length === 0) return " Enter to go on · /send a new message instead";
  return step ? ` ${step} · /help` : " your answer · /help";
}

// Styles written out, not asked of Ink: chalk (inside Ink) drops every style under NO_COLOR, but
// inverse video and faint italics are no colour, and without them the cursor and the hint vanish.
/** The cursor: the cell it is on, in inverse video. */
const inverse = (cell: string) => `\x1b[7m${cell}\x1b[27m`;
/** The placeholder: faint and italic, so it never reads as typed text. */
const hint = (text: string) => `\x1b[2;3m${text}\x1b[22;23m`;

export const promptOf = (question: Question | undefined) => (question ? "answer › " : "› ");

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
