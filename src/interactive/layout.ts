// How the live region (stream, queue, input, status bar) shares the window so that it always fits:
// Ink clears the whole screen and scrollback on every frame once its output is as tall as the
// window. Text is wrapped here, by display width, so the heights counted are the heights drawn. Pure.
import stringWidth from "string-width";

/**
 * Wraps text into lines of at most `width` columns (by display width, not characters), between
 * words as the transcript wraps: the spaces where a line breaks are dropped, and only a word
 * longer than a whole line is broken inside.
 */
export function wrapLines(text: string, width: number): string[] {
  const max = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    const breakLine = () => {
      lines.push(line.trimEnd());
      line = "";
      used = 0;
    };
    for (const piece of paragraph.match(/\s+|\S+/g) ?? []) {
      const w = stringWidth(piece);
      if (used + w <= max) {
        line += piece;
        used += w;
      } else if (/^\s/.test(piece)) breakLine();
      else {
        if (line.trim() !== "") breakLine();
        // A word wider than a line (or than what an indent leaves) is broken where the line ends.
        for (const char of piece) {
          const cw = stringWidth(char);
          if (used + cw > max && line.trim() !== "") breakLine();
          line += char;
          used += cw;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Lines a flex row of words takes when it wraps (Ink's flexWrap with a one-column gap). */
export function flowHeight(parts: readonly string[], columns: number): number {
  let lines = 1;
  let used = 0;
  for (const part of parts) {
    const w = Math.min(columns, stringWidth(part));
    if (used > 0 && used + 1 + w > columns) {
      lines += 1;
      used = w;
    } else used += (used > 0 ? 1 : 0) + w;
  }
  return lines;
}

export interface Budget {
  /** Lines the queue may take; anything beyond is summarised in its last line. */
  readonly queue: number;
  /** Lines the live run's box may take, its border included; under 4 it is not drawn. */
  readonly live: number;
}

/**
 * Splits what the window has left after the input and the status bar between the queue and the
 * live run. One line is kept free: Ink redraws the screen whole once its output fills the window.
 */
export function shareWindow(rows: number, fixed: number, queueWants: number, liveWants: number): Budget {
  const left = Math.max(0, rows - 1 - fixed);
  if (queueWants + liveWants <= left) return { queue: queueWants, live: liveWants };
  // The run in progress matters most, but the queue keeps at least a line or two (and its summary).
  const queue = Math.min(queueWants, Math.max(Math.min(2, left), left - liveWants, Math.floor(left / 3)));
  return { queue, live: Math.max(0, left - queue) };
}

/** The last `max` lines, when there are more. */
export function tail<T>(lines: readonly T[], max: number): readonly T[] {
  return lines.length > max ? lines.slice(lines.length - Math.max(0, max)) : lines;
}

/**
 * At most `max` lines, the first and the last kept: the middle gives way to one `gap(hidden)`
 * line (the newest lines get the larger share).
 */
export function elide<T>(lines: readonly T[], max: number, gap: (hidden: number) => T): readonly T[] {
  if (lines.length <= max) return lines;
  if (max < 3) return max < 1 ? [] : [...(max === 2 ? lines.slice(0, 1) : []), ...lines.slice(-1)];
  const head = Math.floor((max - 1) / 2);
  const newest = max - 1 - head;
  return [...lines.slice(0, head), gap(lines.length - head - newest), ...lines.slice(lines.length - newest)];
}
