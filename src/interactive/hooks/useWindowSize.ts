// The terminal's size, updated on resize. Rows are unknown (Infinity) when stdout is not a terminal.
import { useEffect, useRef, useState } from "react";
import { useStdout } from "ink";

export interface WindowSize {
  readonly columns: number;
  readonly rows: number;
}

/** Erase screen and scrollback, cursor home. */
const CLEAR_ALL = "\x1b[2J\x1b[3J\x1b[H";

/**
 * A number that changes when the window gets a new width. The terminal rewraps what is already
 * on screen then, which leaves pieces of old frames behind; the screen is cleared so that the
 * transcript (keyed on this) is printed again at the new width.
 */
export function useRedrawOnResize(columns: number): number {
  const { stdout } = useStdout();
  const [generation, setGeneration] = useState(0);
  const drawnAt = useRef(columns);
  useEffect(() => {
    if (columns === drawnAt.current) return;
    drawnAt.current = columns;
    const timer = setTimeout(() => {
      stdout.write(CLEAR_ALL);
      setGeneration((g) => g + 1);
    }, 50);
    return () => clearTimeout(timer);
  }, [columns, stdout]);
  return generation;
}

export function useWindowSize(): WindowSize {
  const { stdout } = useStdout();
  const read = (): WindowSize => ({ columns: stdout.columns || 80, rows: stdout.rows || Infinity });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || Infinity });
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}
