// Every key, as Ink's useInput reads it, with the key that was pressed: Ink reports Backspace
// (DEL) and Delete (ESC [ 3 ~) alike, so the sequence each came as is noted before Ink reads it.
import { useEffect, useRef } from "react";
import { useInput, useStdin, type Key } from "ink";
import { pressedKey } from "../keys.js";

export function useKeys(onKey: (text: string, key: Partial<Key>) => void): void {
  const { internal_eventEmitter: events } = useStdin();
  const sequence = useRef("");
  useEffect(() => {
    const note = (data: string) => {
      sequence.current = data;
    };
    // Ahead of useInput's listener, which Ink adds again whenever its handler changes.
    events.prependListener("input", note);
    return () => {
      events.off("input", note);
    };
  }, [events]);
  useInput((text, key) => onKey(text, pressedKey(sequence.current, key)));
}
