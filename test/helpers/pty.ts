// Drives the built CLI in a real pseudo-terminal (node-pty) and reads the screen through a
// headless terminal emulator (xterm), scrollback included. Always killed.
import xterm from "@xterm/headless";
import type * as NodePty from "node-pty";
import { BIN, keyFor } from "./cli.js";

type Pty = typeof NodePty;

/**
 * node-pty is a dev dependency (a native build, never installed with the package); undefined when absent, unless
 * CHAT_REQUIRE_PTY is set (CI), where a missing or wrongly built addon must fail, not skip.
 */
export async function loadPty(): Promise<Pty | undefined> {
  try {
    return (await import("node-pty")) as Pty;
  } catch (err) {
    if (process.env.CHAT_REQUIRE_PTY) throw err;
    return undefined;
  }
}

export interface Screen {
  /** Every line on screen and in the scrollback, trailing spaces trimmed. */
  text(): string;
  /** The lines on screen now (the last `rows` lines of the buffer). */
  screen(): string[];
  /** The lines on screen with styles marked: inverse video as ⟦…⟧, faint or italic as ⟨…⟩. */
  styled(): string[];
  /** Everything the program wrote, escape sequences and all. */
  raw(): string;
  /** The window changes size, as when the user resizes the terminal. */
  resize(cols: number, rows: number): void;
  write(data: string): void;
  /** Types text, then presses Enter, as separate writes the way a person does. */
  enter(text: string): Promise<void>;
  waitFor(pattern: RegExp, ms?: number, pollMs?: number): Promise<void>;
  /**
   * Resolves once keys reach chat's input line: the terminal is in raw mode. Keys written before
   * that are taken by the terminal's line editing (echoed, Enter made a newline) as for a person.
   */
  typing(): Promise<void>;
  exited: Promise<number>;
  /** Sends chat a signal, as `kill` from another shell would. */
  signal(name: NodeJS.Signals): void;
  kill(): void;
}

/** `env` is added to `base` (default: this process's environment; the e2e fixture passes the hermetic one). */
export function startInPty(
  pty: Pty,
  env: NodeJS.ProcessEnv,
  cols = 100,
  rows = 40,
  args: string[] = [],
  base: NodeJS.ProcessEnv = process.env,
): Screen {
  const term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols,
    rows,
    env: { ...base, ...keyFor(args), ...env } as Record<string, string>,
  });
  let raw = "";
  child.onData((d) => {
    raw += d;
    term.write(d);
  });
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? "");
    return lines.join("\n");
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const waitFor = async (pattern: RegExp, ms = 20_000, pollMs = 25) => {
    const end = Date.now() + ms;
    while (!pattern.test(text())) {
      if (Date.now() > end) throw new Error(`screen never matched ${pattern}:\n${text()}`);
      await sleep(pollMs);
    }
  };
  const screen = () => {
    const buffer = term.buffer.active;
    return Array.from({ length: term.rows }, (_, i) => buffer.getLine(buffer.baseY + i)?.translateToString(true) ?? "");
  };
  const styled = () => {
    const buffer = term.buffer.active;
    const cell = buffer.getNullCell();
    return Array.from({ length: term.rows }, (_, y) => {
      const line = buffer.getLine(buffer.baseY + y);
      let out = "";
      let [inverse, faint] = [false, false];
      for (let x = 0; line && x < term.cols; x++) {
        line.getCell(x, cell);
        if (cell.getWidth() === 0) continue; // the second half of a wide character
        const [isInverse, isFaint] = [cell.isInverse() !== 0, cell.isDim() !== 0 || cell.isItalic() !== 0];
        if (faint && !isFaint) out += "⟩";
        if (inverse !== isInverse) out += isInverse ? "⟦" : "⟧";
        if (!faint && isFaint) out += "⟨";
        [inverse, faint] = [isInverse, isFaint];
        out += cell.getChars() || " ";
      }
      return (out + (faint ? "⟩" : "") + (inverse ? "⟧" : "")).trimEnd();
    });
  };
  return {
    text,
    screen,
    styled,
    raw: () => raw,
    resize: (c, r) => {
      term.resize(c, r);
      child.resize(c, r);
    },
    write: (data) => child.write(data),
    enter: async (line) => {
      child.write(line);
      await sleep(60);
      child.write("\r");
      await sleep(60);
    },
    waitFor,
    typing: async () => {
      child.write("~");
      await waitFor(/› ~/);
      child.write("\x7f");
      await waitFor(/›\s+message \(/);
    },
    exited,
    signal: (name) => child.kill(name),
    kill: () => {
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}
