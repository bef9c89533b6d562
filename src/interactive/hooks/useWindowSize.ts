// The terminal's size, updated on resize. Rows are unknown (Infinity) when stdout is not a terminal.
import { useEffect, useState } from "react";
import { useStdout } from "ink";

export interface WindowSize {
  readonly columns: number;
  readonly rows: number;
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
