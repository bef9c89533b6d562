// The input line as a pure reducer: text, cursor, and the keys that edit it.
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

function wordStart(value: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && /\s/.test(value[i - 1] ?? "")) i--;
  while (i > 0 && !/\s/.test(value[i - 1] ?? "")) i--;
  return i;
}

/** Applies one key press; returns the same state for keys it does not handle. */
export function edit(state: EditState, input: string, key: Partial<Key>): EditState {
  const { value, cursor } = state;
  if (key.leftArrow) return { value, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow) return { value, cursor: Math.min(value.length, cursor + 1) };
  if (key.home || (key.ctrl && input === "a")) return { value, cursor: 0 };
  if (key.end || (key.ctrl && input === "e")) return { value, cursor: value.length };
  if (key.ctrl && input === "u") return EMPTY;
  if (key.ctrl && input === "w") {
    const start = wordStart(value, cursor);
    return { value: value.slice(0, start) + value.slice(cursor), cursor: start };
  }
  if (key.backspace || key.delete) {
    // Terminals send DEL (0x7f) for Backspace; Ink reports it as delete. Both erase leftwards.
    if (cursor === 0) return state;
    return { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
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
