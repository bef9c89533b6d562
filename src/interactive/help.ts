// /help: the key, command and strategy tables, fitted to the window: each description wraps
// between words under its own column, a name too long for its column gets the line to itself,
// and a narrow window puts every description under its name. Pure.
import stringWidth from "string-width";
import { STRATEGIES, STRATEGY_HELP } from "../strategies.js";
import { COMMAND_HELP } from "./command-registry.js";

type Rows = ReadonlyArray<readonly [string, string]>;

const NAME = 28;
/** Below this many columns for descriptions, they go under their names. */
const NARROW = 30;

/** `text` in lines of at most `width` columns, broken between words (a word longer than that stands alone). */
export function wordWrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && stringWidth(line) + 1 + stringWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function table(rows: Rows, columns: number): string[] {
  const indent = 2 + NAME + 1;
  const room = columns - indent;
  return rows.flatMap(([name, text]) => {
    if (room < NARROW) return [`  ${name}`, ...wordWrap(text, Math.max(10, columns - 6)).map((l) => `      ${l}`)];
    const [first = "", ...rest] = wordWrap(text, room);
    const under = rest.map((l) => `${" ".repeat(indent)}${l}`);
    if (stringWidth(name) >= NAME) return [`  ${name}`, `${" ".repeat(indent)}${first}`, ...under];
    return [`  ${name.padEnd(NAME)} ${first}`, ...under];
  });
}

/** The whole /help text for a window `columns` wide. */
export function helpText(keys: Rows, columns = 100): string {
  const strategies = STRATEGIES.map((s) => [s, STRATEGY_HELP[s]] as const);
  const heading = (text: string) => wordWrap(text, columns);
  return [
    ...heading("Keys"),
    ...table(keys, columns),
    ...heading("Commands"),
    ...table(COMMAND_HELP, columns),
    ...heading("Strategies: what a new message does to the running run and to the pending ones (LangGraph.js server)"),
    ...table(strategies, columns),
  ].join("\n");
}
