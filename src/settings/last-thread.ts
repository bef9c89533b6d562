// The last thread used per deployment and assistant, for --resume. Read directly from its file;
// written through conf (atomic, 0600), loaded only when there is something to write.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configDir } from "./paths.js";

const key = (deployment: string, assistant: string) => `${deployment} ${assistant}`;

export function lastThread(deployment: string, assistant: string, dir = configDir()): string | undefined {
  try {
    const all = JSON.parse(readFileSync(join(dir, "last-threads.json"), "utf8")) as Record<string, unknown>;
    const value = all[key(deployment, assistant)];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Never throws: remembering is a convenience, a read-only config dir must not stop a chat. */
export async function rememberThread(deployment: string, assistant: string, threadId: string, dir = configDir()): Promise<void> {
  try {
    const { default: Conf } = await import("conf");
    const conf = new Conf<Record<string, string>>({
      projectName: "chat",
      configName: "last-threads",
      cwd: dir,
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
    });
    conf.set(key(deployment, assistant), threadId);
  } catch {
    // see above
  }
}
