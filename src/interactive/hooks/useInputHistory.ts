// ↑/↓ through what was typed before; the draft being typed is kept while walking.
import { useCallback, useRef, useState } from "react";
import type { InputHistory } from "../input-history.js";

export function useInputHistory(store: InputHistory) {
  const [entries, setEntries] = useState<readonly string[]>(() => store.load());
  const position = useRef<number | undefined>(undefined);
  const draft = useRef("");

  const add = useCallback(
    (text: string) => {
      position.current = undefined;
      setEntries(store.add(text));
    },
    [store],
  );

  /** The text to show after moving `step` (-1 older, +1 newer), or undefined to stay. */
  const move = useCallback(
    (step: -1 | 1, current: string): string | undefined => {
      const at = position.current ?? entries.length;
      const next = Math.min(entries.length, Math.max(0, at + step));
      if (next === at) return undefined;
      if (position.current === undefined) draft.current = current;
      position.current = next === entries.length ? undefined : next;
      return next === entries.length ? draft.current : entries[next];
    },
    [entries],
  );

  return { add, move };
}
