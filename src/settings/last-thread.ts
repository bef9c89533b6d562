// The last thread used per deployment and assistant, and per deployment, for --resume (see keyed-file.ts).
import { configDir } from "./paths.js";
import { readKeyed, writeKeyed } from "./keyed-file.js";

const FILE = "last-threads";
const key = (deployment: string, assistant: string) => `${deployment} ${assistant}`;

/** The key of the last thread used with a deployment whatever its assistant (--resume without --assistant). */
export const ANY_ASSISTANT = "*";

export function lastThread(deployment: string, assistant: string, dir = configDir()): string | undefined {
  const value = readKeyed(dir, FILE, key(deployment, assistant));
  return typeof value === "string" ? value : undefined;
}

/** Never throws: remembering is a convenience, a read-only config dir must not stop a chat. */
export function rememberThread(deployment: string, assistant: string, threadId: string, dir = configDir()): void {
  writeKeyed(dir, FILE, key(deployment, assistant), threadId);
  writeKeyed(dir, FILE, key(deployment, ANY_ASSISTANT), threadId);
}
