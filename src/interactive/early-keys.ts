// Keys typed while chat starts (the local deployment takes a second or more) would meet a terminal
// still in cooked mode: echoed over the screen, and Enter turned into a newline, so the first
// message would never be sent. The terminal goes raw as soon as the interactive face is chosen;
// the keys are kept and handed to Ink, which reads them as if typed after it started.
const CTRL_C = 0x03;

export interface EarlyKeys {
  /** Hands the kept keys back to stdin (for Ink to read); the terminal stays raw. */
  release(): void;
  /** Back to cooked mode (start-up failed); returns what was typed, never sent. */
  restore(): string;
}

const NOTHING: EarlyKeys = { release: () => {}, restore: () => "" };

/** `beforeInterrupt`: called when Ctrl+C is typed, before the SIGINT it stands for. */
export function holdEarlyKeys(stdin: NodeJS.ReadStream = process.stdin, beforeInterrupt?: () => void): EarlyKeys {
  if (!stdin.isTTY || typeof stdin.setRawMode !== "function") return NOTHING;
  const kept: Buffer[] = [];
  const cooked = () => {
    if (stdin.isRaw) stdin.setRawMode(false);
  };
  // Read as Ink reads ('readable', not 'data'): a stream once put in flowing mode and paused
  // would not start reading again for Ink's listener.
  const stop = () => {
    stdin.off("readable", keep);
    process.off("exit", cooked);
  };
  function keep(): void {
    for (let chunk = stdin.read() as Buffer | null; chunk !== null; chunk = stdin.read() as Buffer | null) {
      if (!chunk.includes(CTRL_C)) {
        kept.push(chunk);
        continue;
      }
      // Raw mode makes Ctrl+C a byte: do what the terminal would have done with it.
      stop();
      cooked();
      beforeInterrupt?.();
      process.kill(process.pid, "SIGINT");
      return;
    }
  }
  stdin.setRawMode(true);
  // Whatever ends the process before Ink starts, the terminal is given back as it was.
  process.on("exit", cooked);
  stdin.on("readable", keep);
  return {
    release() {
      stop();
      if (kept.length) stdin.unshift(Buffer.concat(kept.splice(0)));
    },
    restore() {
      stop();
      cooked();
      stdin.pause(); // nothing reads it now: let the process end
      return Buffer.concat(kept).toString("utf8");
    },
  };
}
