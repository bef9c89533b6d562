// Everything chat writes is private to the user: what was typed (input history), the settings
// (an API key), the local deployment's threads and its log. New files get 0600 and directories
// 0700 through the umask; ones an older chat left readable by others are tightened at start.
import { chmodSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { configDir } from "./paths.js";

/** The config directory's own files; anything else a user keeps there is left alone. */
const OURS = ["config.json", "input-history.json", "last-threads.json", "lost-runs.json", "logs", "local-deployment", "projects"];

export function keepPrivate(dir = configDir()): void {
  process.umask(0o077);
  // A config directory that is a symlink (CHAT_CONFIG_DIR pointing elsewhere) is its target's privacy.
  if (!tighten(resolved(dir))) return;
  for (const name of OURS) tighten(join(dir, name), true);
}

function resolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Removes group and other access from a file or directory (and below it); false when it is absent. */
function tighten(path: string, deep = false): boolean {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return false;
  }
  if (stat.isSymbolicLink()) return true;
  try {
    if (stat.mode & 0o077) chmodSync(path, stat.isDirectory() ? 0o700 : 0o600);
  } catch {
    // not ours to change (another owner): nothing to do about it here
  }
  if (deep && stat.isDirectory()) {
    try {
      for (const entry of readdirSync(path)) tighten(join(path, entry), true);
    } catch {
      // unreadable: left as it is
    }
  }
  return true;
}
