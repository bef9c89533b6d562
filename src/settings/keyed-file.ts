// A JSON file of key -> value in the config directory, for what chat remembers between runs
// (last threads, lost runs, input history). Plain fs, not conf: conf (with its schema validator)
// takes a tenth of a second to load, which fell on a chat's first request; settings, which are
// written only by `chat config`, stay in conf. Written as conf writes: the whole file, flushed to
// disk, replaced at once through a rename (a symlink's target, so the link stays), owner-only.
// Never throws: remembering is a courtesy, and a read-only or damaged config directory must not
// stop a chat.
import { readFileSync, realpathSync, renameSync } from "node:fs";
import { join } from "node:path";
import { replaceWhole } from "./whole-file.js";

type Keyed = Record<string, unknown>;

/**
 * The file's object: empty when there is none. One that is not a JSON object (damaged by hand, or
 * by a disk) is named on stderr, set aside as `<file>.corrupt-<pid>-<time>` and started afresh, so what chat
 * remembers is not lost for good in silence; undefined when it cannot be read at all (not ours).
 */
function readAll(file: string): Keyed | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT" ? {} : undefined;
  }
  // Empty: cut off by a crash while it was written (there is no fsync), not someone's data.
  if (text.trim() === "") return {};
  try {
    const all = JSON.parse(text) as unknown;
    if (typeof all === "object" && all !== null && !Array.isArray(all)) return all as Keyed;
  } catch {
    // set aside below
  }
  // Set aside only what was read: another chat may have just written a good file in its place.
  const aside = `${file}.corrupt-${process.pid}-${Date.now()}`;
  try {
    if (readFileSync(file, "utf8") !== text) return undefined;
    renameSync(file, aside);
    process.stderr.write(`chat: ${file} was not a JSON object; set aside as ${aside}, starting afresh\n`);
    return {};
  } catch {
    return undefined;
  }
}

/** The value under `key` in `<dir>/<name>.json`; undefined when there is none or the file is unreadable. */
export function readKeyed(dir: string, name: string, key: string): unknown {
  const all = readAll(join(dir, `${name}.json`));
  return all && Object.hasOwn(all, key) ? all[key] : undefined;
}

/**
 * Sets `key` in `<dir>/<name>.json` (undefined deletes it), at once: no other write interleaves.
 * A file that is there but cannot be read is left as it is (as conf did).
 */
export function writeKeyed(dir: string, name: string, key: string, value: unknown): void {
  const file = replaced(join(dir, `${name}.json`));
  try {
    const all = readAll(file);
    if (!all) return;
    if (value === undefined) delete all[key];
    else all[key] = value;
    replaceWhole(file, `${JSON.stringify(all, null, "\t")}\n`);
  } catch {
    // not remembered this time (see the module's note)
  }
}

/** The file a write replaces: a symlink's target (the link stays a link), else the path itself. */
function replaced(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
