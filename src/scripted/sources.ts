// Where scripted messages come from: -m flags, a script file, or stdin lines as they arrive.
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";

/** Script files: one message per line; blank lines and # comments skipped. */
export function readScript(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `script file not found: ${path}` : `cannot read script ${path}: ${code}`);
  }
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  if (lines.length === 0) throw new UsageError(`script ${path} has no messages (only blank lines or # comments)`);
  return lines;
}

export async function* fromList(messages: readonly string[]): AsyncGenerator<string> {
  yield* messages;
}

/** Lines of a stream, each sent as soon as it is read; blank lines skipped. */
export async function* fromLines(input: NodeJS.ReadableStream, prompt?: () => void): AsyncGenerator<string> {
  const { createInterface } = await import("node:readline");
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  prompt?.();
  for await (const line of lines) {
    if (line.trim() !== "") yield line;
    prompt?.();
  }
}
