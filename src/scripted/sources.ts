// Where scripted messages come from: -m flags, a script file, or stdin lines as they arrive.
import { readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { jsonObject } from "../settings/run-options.js";
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

export async function* fromList<T>(messages: readonly T[]): AsyncGenerator<T> {
  yield* messages;
}

/**
 * Lines of a stream, each sent as soon as it is read; blank lines skipped. Lines are split on
 * the newline byte (never part of a multi-byte character) and decoded one by one, so a line that
 * is not valid UTF-8 is noticed: its bad bytes become U+FFFD, and `onInvalid` is told once.
 */
export async function* fromLines(
  input: AsyncIterable<Buffer | string>,
  prompt?: () => void,
  onInvalid?: (line: number) => void,
): AsyncGenerator<string> {
  let pending = Buffer.alloc(0);
  let count = 0;
  let warned = false;
  const decode = (bytes: Buffer): string => {
    count++;
    if (!warned && !isUtf8(bytes)) {
      warned = true;
      onInvalid?.(count);
    }
    return bytes.toString("utf8").replace(/\r$/, "");
  };
  prompt?.();
  for await (const chunk of input) {
    pending = Buffer.concat([pending, typeof chunk === "string" ? Buffer.from(chunk) : chunk]);
    for (let end = pending.indexOf(0x0a); end !== -1; end = pending.indexOf(0x0a)) {
      const line = decode(pending.subarray(0, end));
      pending = pending.subarray(end + 1);
      if (line.trim() !== "") yield line;
      prompt?.();
    }
  }
  if (pending.length > 0) {
    const line = decode(pending);
    if (line.trim() !== "") yield line;
  }
}

/** A run input given whole (--input): sent as it is, whatever shape typed text would take. */
export interface GivenInput {
  readonly text: string;
  readonly input: Record<string, unknown>;
}

/** --input values, checked up front: each a JSON object, or one line and exit 2. */
export function givenInputs(values: readonly string[]): GivenInput[] {
  return values.map((text) => {
    try {
      return { text, input: jsonObject(text) };
    } catch (err) {
      throw new UsageError(`--input: ${(err as Error).message}`);
    }
  });
}
