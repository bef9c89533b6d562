// Ctrl+C and SIGTERM: run the cleanup (stop the local server), then exit 130 / 143.
import { EXIT } from "./exit-codes.js";

const EXIT_BY_SIGNAL = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup } as const;

type LastWords = (signal: string, code: number) => void;
const lastWords = new Set<LastWords>();

/** Something to write before the exit on a signal (e.g. the last --json event); returns its removal. */
export function sayOnSignal(words: LastWords): () => void {
  lastWords.add(words);
  return () => lastWords.delete(words);
}

/** Whether a face has its own words for a signal (which then say what became of the runs). */
export function faceSpeaksOnSignal(): boolean {
  return lastWords.size > 0;
}

export function onInterrupt(cleanup: () => Promise<void>): () => void {
  let busy = false;
  const handlers = Object.entries(EXIT_BY_SIGNAL).map(([signal, code]) => {
    const handler = () => {
      if (busy) return;
      busy = true;
      for (const words of lastWords) {
        try {
          words(signal, code);
        } catch {
          // leaving anyway
        }
      }
      const timer = setTimeout(() => process.exit(code), 8_000);
      void cleanup().finally(() => {
        clearTimeout(timer);
        process.exit(code);
      });
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}
