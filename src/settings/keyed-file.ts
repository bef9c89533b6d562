// A JSON file of key -> value in the config directory, for what chat remembers between runs
// (last threads, lost runs). Read directly with fs (conf is not loaded to read); written through
// conf (atomic, 0600). Never throws: remembering is a courtesy, and a read-only or damaged config
// directory must not stop a chat.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The value under `key` in `<dir>/<name>.json`; undefined when there is none or the file is unreadable. */
export function readKeyed(dir: string, name: string, key: string): unknown {
  try {
    const all = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as unknown;
    return typeof all === "object" && all !== null && !Array.isArray(all) ? (all as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** Sets `key` in `<dir>/<name>.json` (undefined deletes it). */
export async function writeKeyed(dir: string, name: string, key: string, value: unknown): Promise<void> {
  try {
    const { default: Conf } = await import("conf");
    const conf = new Conf<Record<string, unknown>>({
      projectName: "chat",
      configName: name,
      cwd: dir,
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
    });
    if (value === undefined) conf.delete(key);
    else conf.set(key, value);
  } catch {
    // see above
  }
}
