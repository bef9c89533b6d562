// Bytes the terminal UI writes while a long answer streams into a full 80x24 window, vs the bytes
// of the answer itself (what a plain printer would write). Redrawing the whole screen on every
// frame (what Ink does once its output fills the window) shows up here as a large ratio.
import { fileURLToPath } from "node:url";
import { loadPty, startInPty } from "../test/helpers/pty.js";

export const LONG_GRAPH = `${fileURLToPath(new URL("../test/fixtures/long-answer-graph.mjs", import.meta.url))}:graph`;
/** A deepagents deep agent whose subagent streams that same answer (test/fixtures/langchain-agents.mjs). */
export const DEEP_LONG_GRAPH = `${fileURLToPath(new URL("../test/fixtures/langchain-agents.mjs", import.meta.url))}:deepLong`;

export interface StreamResult {
  /** Bytes of the answer's text. */
  answerBytes: number;
  /** Bytes the UI wrote from Enter to the answer being printed whole. */
  writtenBytes: number;
  seconds: number;
}

/** `assistant`: "long" (the graph itself streams the answer) or "deep-long" (a subagent of a deep agent does). */
export async function streamBytes(url: string, home: string, assistant = "long"): Promise<StreamResult | undefined> {
  const pty = await loadPty();
  if (!pty) return undefined;
  const { ANSWER } = (await import(new URL("../test/fixtures/long-answer-graph.mjs", import.meta.url).href)) as {
    ANSWER: string;
  };
  const s = startInPty(pty, { CHAT_CONFIG_DIR: home, NO_COLOR: "1" }, 80, 24, ["--url", url, "--assistant", assistant]);
  try {
    await s.waitFor(/connected/, 20_000, 5);
    await s.enter("forecast?");
    const before = Buffer.byteLength(s.raw());
    const start = performance.now();
    await s.waitFor(/✓ #1 success/, 60_000, 10);
    return {
      answerBytes: Buffer.byteLength(ANSWER),
      writtenBytes: Buffer.byteLength(s.raw()) - before,
      seconds: (performance.now() - start) / 1000,
    };
  } finally {
    s.kill();
    await s.exited;
  }
}
