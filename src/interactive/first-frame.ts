// The first frame: the prompt and the status bar, written out before Ink, React and the SDK are
// loaded (they take most of a start) and replaced by the UI's own first frame when it draws. Keys
// typed meanwhile are kept by early-keys.ts and reach the prompt then.
import chalk from "chalk";
import { statusParts, type Part, type StatusBarProps } from "./status-parts.js";
import { hint, placeholder, promptOf } from "./prompt-look.js";

const ERASE_DOWN = "\r\x1b[J";

// East Asian wide and fullwidth blocks, and emoji (from U+1F300): two columns each.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x3fffd],
];

/**
 * Columns `text` takes, by block: string-width would be exact, but loading it costs more than the
 * rest of the frame (an Intl.Segmenter and an emoji table), and the UI's own frame, measured
 * exactly, replaces this one within a fraction of a second.
 */
export function roughWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
}

/** `text` cut to `width` columns, with an ellipsis where it was cut (as Ink's wrap="truncate"). */
function fit(text: string, width: number): string {
  if (roughWidth(text) <= width) return text;
  let out = "";
  for (const char of text) {
    if (roughWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

const paint = (part: Part, text: string) => {
  const coloured = part.color ? chalk[part.color as "cyan"](text) : text;
  return part.dim ? chalk.dim(coloured) : coloured;
};

/** The status bar's lines: its parts one column apart, wrapped as Ink's flexWrap wraps them. */
function barLines(bar: StatusBarProps, columns: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const part of statusParts(bar)) {
    const text = fit(part.text, columns);
    const w = roughWidth(text);
    if (used > 0 && used + 1 + w > columns) {
      lines.push(line);
      line = "";
      used = 0;
    }
    line += (used > 0 ? " " : "") + paint(part, text);
    used += (used > 0 ? 1 : 0) + w;
  }
  return [...lines, line];
}

/** The prompt, then the cell the cursor is on: where the terminal's own cursor is put. */
export const CURSOR_COLUMN = promptOf(undefined).length;

/**
 * What the UI draws first over an empty thread: the empty prompt, then the status bar. Pure. The
 * cell the UI draws its cursor in is left blank for the terminal's own cursor.
 */
export function firstFrameLines(bar: StatusBarProps, columns: number): string[] {
  const prompt = promptOf(undefined);
  const room = Math.max(1, columns - prompt.length);
  const line = `${chalk.cyan(prompt)} ${hint(fit(placeholder(bar.strategy, undefined, undefined), room - 1))}`;
  return [line, ...barLines(bar, columns)];
}

export interface FirstFrame {
  /** Erases the frame: the UI draws in its place now, or will not start. */
  clear(): void;
}

type Write = NodeJS.WriteStream["write"];

/** The lines written out, then the cursor put back up on the prompt. */
const drawn = (lines: readonly string[]) => `${lines.join("\n")}\n\x1b[${lines.length}A\r\x1b[${CURSOR_COLUMN}C`;

/**
 * Draws the lines for the window's width at the cursor and puts the cursor on the prompt (the
 * terminal's own: a start that ends here without a word, as a signal's, leaves it as it was).
 * While they are up, what is written to stderr (a notice, an error) goes above them: erased,
 * written, drawn again below; and a resized window has them drawn again for its width.
 */
export function showFirstFrame(
  linesFor: (columns: number) => readonly string[],
  out: NodeJS.WriteStream,
  err: NodeJS.WriteStream,
): FirstFrame {
  let frame = drawn(linesFor(out.columns || 80));
  out.write(frame);
  const resized = () => {
    frame = drawn(linesFor(out.columns || 80));
    out.write(ERASE_DOWN + frame);
  };
  out.on("resize", resized);
  const onTheScreen = err.isTTY === true;
  const own = Object.prototype.hasOwnProperty.call(err, "write");
  const write: Write = err.write;
  if (onTheScreen)
    err.write = function (chunk: unknown, ...rest: unknown[]): boolean {
      out.write(ERASE_DOWN);
      const done = (write as (...args: unknown[]) => boolean).call(err, chunk, ...rest);
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
      // The frame starts a line of its own, whatever the text ended with.
      out.write((text === "" || text.endsWith("\n") ? "" : "\n") + frame);
      return done;
    } as Write;
  let shown = true;
  const clear = () => {
    if (!shown) return;
    shown = false;
    if (onTheScreen) {
      if (own) err.write = write;
      else Reflect.deleteProperty(err, "write");
    }
    process.off("exit", clear);
    out.off("resize", resized);
    out.write(ERASE_DOWN);
  };
  process.on("exit", clear);
  return { clear };
}
