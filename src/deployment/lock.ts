// One local deployment per data directory: its server rewrites its whole data file, so two at
// once would overwrite each other's threads. A lock file holds the owner's pid (and URL).
import { openSync, readFileSync, unlinkSync, writeFileSync, closeSync } from "node:fs";
import { join } from "node:path";
import { ConnectionError } from "../errors.js";

interface Owner {
  pid: number;
  url?: string;
  /** The running deployment's key (the file is the user's own, 0600). */
  key?: string | null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function read(file: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Owner;
    return typeof owner.pid === "number" ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** The deployment a live chat runs on this data dir (its URL and key), if one does. */
export function runningDeployment(dataDir: string): { url: string; key: string | null } | undefined {
  const owner = read(join(dataDir, "chat.lock"));
  if (!owner?.url || owner.pid === process.pid || !alive(owner.pid)) return undefined;
  return { url: owner.url, key: typeof owner.key === "string" ? owner.key : null };
}

export interface DataLock {
  /** Records the URL and key, so another chat can say where the running one is, and reach it. */
  setUrl(url: string, key: string | null): void;
  release(): void;
}

const held = new Set<DataLock>();
let exitHook = false;

export function lockDataDir(dataDir: string, what = "the built-in deployment"): DataLock {
  if (!exitHook) {
    exitHook = true;
    process.on("exit", () => held.forEach((lock) => lock.release()));
  }
  const file = join(dataDir, "chat.lock");
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeFileSync(fd, JSON.stringify({ pid: process.pid }));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw err;
      const owner = read(file);
      if (owner && owner.pid !== process.pid && alive(owner.pid)) {
        throw new ConnectionError(
          `${what} is in use by another chat (pid ${owner.pid})` +
            (owner.url ? `; connect to it with --url ${owner.url}` : "") +
            ` (its data: ${dataDir})`,
        );
      }
      if (owner?.pid === process.pid) throw new ConnectionError(`${what} is already running in this process (${dataDir})`);
      unlinkSync(file); // left behind by a chat that died
    }
  }
  let released = false;
  const lock: DataLock = {
    setUrl(url, key) {
      if (!released) writeFileSync(file, JSON.stringify({ pid: process.pid, url, key }), { mode: 0o600 });
    },
    release() {
      if (released) return;
      released = true;
      held.delete(lock);
      try {
        if (read(file)?.pid === process.pid) unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
  held.add(lock);
  return lock;
}
