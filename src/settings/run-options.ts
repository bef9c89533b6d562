// What every run is sent with besides its input: `config.configurable` and `context`, given as
// JSON or as @file. Checked once, up front: bad JSON is one line and exit 2, never a failed run.
import { readFileSync } from "node:fs";
import { clip } from "../sanitize.js";

/** The JSON object `raw` holds (or the file `@path` holds); throws a one-line reason. */
export function jsonObject(raw: string): Record<string, unknown> {
  let text = raw.trim();
  if (text.startsWith("@")) {
    const path = text.slice(1);
    try {
      text = readFileSync(path, "utf8");
    } catch (err) {
      throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`not valid JSON: ${JSON.stringify(clip(text, 60))} (give a JSON object, or @file)`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`must be a JSON object, not ${Array.isArray(value) ? "an array" : JSON.stringify(clip(String(value), 40))}`);
  }
  return value as Record<string, unknown>;
}

export interface RunOptions {
  /** The run's `config.configurable`. */
  readonly configurable?: Record<string, unknown>;
  readonly context?: Record<string, unknown>;
}

/** For the status bar: short, one line. */
export function describeRunOptions(options: RunOptions | undefined): string | undefined {
  const parts = [
    ...(options?.configurable ? [`config ${clip(JSON.stringify(options.configurable), 40)}`] : []),
    ...(options?.context ? [`context ${clip(JSON.stringify(options.context), 40)}`] : []),
  ];
  return parts.length ? parts.join(" · ") : undefined;
}
