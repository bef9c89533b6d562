// The input line as a pure reducer: text, cursor, and the keys that edit it, as a shell's line
// editor has them (readline's emacs keys, as bash binds them).
import type { Key } from "ink";

export interface EditState {
  readonly value: string;
  readonly cursor: number;
}

export const EMPTY: EditState = { value: "", cursor: 0 };

export function setValue(value: string): EditState {
  return { value, cursor: value.length };
}

function insert(state: EditState, text: string): EditState {
  const value = state.value.slice(0, state.cursor) + text + state.value.slice(state.cursor);
  return { value, cursor: state.cursor + text.length };
}

type Find = (value: string, cursor: number) => number;

const high = (value: string, at: number) => /[\uD800-\uDBFF]/.test(value[at] ?? "");
const low = (value: string, at: number) => /[\uDC00-\uDFFF]/.test(value[at] ?? "");
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const isBlank = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** The character before / after the cursor: an emoji (two UTF-16 units) is one character. */
const before: Find = (value, cursor) => Math.max(0, cursor - (low(value, cursor - 1) && high(value, cursor - 2) ? 2 : 1));
const after: Find = (value, cursor) => Math.min(value.length, cursor + (high(value, cursor) && low(value, cursor + 1) ? 2 : 1));

/** Back over characters `keep` does not take, then over those it does. */
function back(value: string, cursor: number, keep: (c: string | undefined) => boolean): number {
  let i = cursor;
  while (i > 0 && !keep(value[i - 1])) i--;
  while (i > 0 && keep(value[i - 1])) i--;
  return i;
}

/** Ctrl+W: back over blanks, then over what is not blank (readline's unix-word-rubout). */
const blankWordStart: Find = (value, cursor) => back(value, cursor, (c) => !isBlank(c));
/** Alt+B, Alt+Backspace: to the start of this word or the one before (words: letters and digits). */
const wordStart: Find = (value, cursor) => back(value, cursor, isWord);
/** Alt+F, Alt+D: to the end of this word or the next. */
const wordEnd: Find = (value, cursor) => {
  let i = cursor;
  while (i < value.length && !isWord(value[i])) i++;
  while (i < value.length && isWord(value[i])) i++;
  return i;
};
/** Home, End, Ctrl+A, Ctrl+E, Ctrl+U, Ctrl+K: the whole input is the line, as in bash (↑/↓ go line to line). */
const start: Find = () => 0;
const end: Find = (value) => value.length;

/** The cursor itself: one end of what a deleting key cuts. */
const here: Find = (_, cursor) => cursor;
const CTRL_MOVES = new Map<string, Find>([
  ["a", start],
  ["e", end],
  ["b", before],
  ["f", after],
]);
const ALT_MOVES = new Map<string, Find>([
  ["b", wordStart],
  ["f", wordEnd],
]);
/** What Ctrl+letter deletes: from where the first says to where the second says. */
const CTRL_CUTS = new Map<string, readonly [Find, Find]>([
  ["d", [here, after]],
  ["w", [blankWordStart, here]],
  ["u", [start, here]],
  ["k", [here, end]],
]);

/** Where a key moves the cursor, if it moves it. */
function movement({ value, cursor }: EditState, input: string, key: Partial<Key>): number | undefined {
  const byWord = key.meta === true || key.ctrl === true; // Alt or Ctrl with an arrow: a word at a time
  if (key.leftArrow) return (byWord ? wordStart : before)(value, cursor);
  if (key.rightArrow) return (byWord ? wordEnd : after)(value, cursor);
  if (key.home) return 0;
  if (key.end) return value.length;
  return (key.ctrl ? CTRL_MOVES : key.meta ? ALT_MOVES : undefined)?.get(input)?.(value, cursor);
}

/** What a key deletes, from where the first says to where the second says, if it deletes. */
function deletion(input: string, key: Partial<Key>): readonly [Find, Find] | undefined {
  if (key.backspace) return [key.meta ? wordStart : before, here];
  if (key.delete) return [here, after];
  if (key.meta) return input === "d" ? [here, wordEnd] : undefined;
  return key.ctrl ? CTRL_CUTS.get(input) : undefined;
}

/** Applies one key press; returns the same state for keys that change nothing. */
export function edit(state: EditState, input: string, key: Partial<Key>): EditState {
  const { value, cursor } = state;
  const moved = movement(state, input, key);
  if (moved !== undefined) return moved === cursor ? state : { value, cursor: moved };
  const cut = deletion(input, key);
  if (cut) {
    const [from, to] = [cut[0](value, cursor), cut[1](value, cursor)];
    return from === to ? state : { value: value.slice(0, from) + value.slice(to), cursor: from };
  }
  if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.return) return state;
  if (input === "") return state;
  // Pasted text may carry newlines: they stay in the message, they do not send it.
  return insert(state, input.replace(/\r\n?/g, "\n"));
}

/** ↑/↓ inside a multi-line input: the cursor to the line above or below (same column, clamped); undefined on the first/last line. */
export function lineMove(state: EditState, step: -1 | 1): EditState | undefined {
  const { value, cursor } = state;
  const start = value.lastIndexOf("\n", cursor - 1) + 1;
  const column = cursor - start;
  if (step < 0) {
    if (start === 0) return undefined;
    const prevStart = value.lastIndexOf("\n", start - 2) + 1;
    return { value, cursor: Math.min(prevStart + column, start - 1) };
  }
  const end = value.indexOf("\n", cursor);
  if (end < 0) return undefined;
  const nextEnd = value.indexOf("\n", end + 1);
  return { value, cursor: Math.min(end + 1 + column, nextEnd < 0 ? value.length : nextEnd) };
}

/** Enter after a trailing backslash, or Alt+Enter, adds a line instead of sending. */
export function newlineInstead(state: EditState, key: Partial<Key>): EditState | undefined {
  if (key.meta) return insert(state, "\n");
  if (state.cursor > 0 && state.value[state.cursor - 1] === "\\") {
    const value = state.value.slice(0, state.cursor - 1) + "\n" + state.value.slice(state.cursor);
    return { value, cursor: state.cursor };
  }
  return undefined;
}
