// The built-in deployment's key, made here by the parent (the server child's door.ts checks it):
// a new one at every start, or `chat serve`'s, kept across restarts of the same data dir in a file
// only the user can read (0600, in the 0700 config dir), so clients set up once keep working;
// --new-key replaces it.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { replaceWhole } from "../settings/whole-file.js";

const FILE = "serve-key";
const KEY = /^[A-Za-z0-9_-]{43,256}$/;

/** A new key: 32 bytes from the CSPRNG, URL-safe. */
export const newKey = (): string => randomBytes(32).toString("base64url");

const keyFile = (dataDir: string) => join(dataDir, FILE);

/** The kept key, or a new one (fresh: still to be kept) when there is none, it is damaged, or renew. */
export function keptKey(dataDir: string, renew: boolean): { key: string; fresh: boolean } {
  if (!renew) {
    try {
      const kept = readFileSync(keyFile(dataDir), "utf8").trim();
      if (KEY.test(kept)) return { key: kept, fresh: false };
      process.stderr.write(`chat: ${keyFile(dataDir)} does not hold a key; making a new one\n`);
    } catch {
      // none yet
    }
  }
  return { key: newKey(), fresh: true };
}

/** Written whole or not at all: a reader never sees half a key. */
export function keepKey(dataDir: string, key: string): void {
  replaceWhole(keyFile(dataDir), `${key}\n`);
}

/** An --allow-origin value: a web origin exactly (scheme, host, port), as browsers send it. */
export function checkedOrigin(given: string): string {
  let url: URL | undefined;
  try {
    url = new URL(given);
  } catch {
    url = undefined;
  }
  const origin = url && /^https?:$/.test(url.protocol) ? url.origin : undefined;
  if (origin === undefined || given.replace(/\/$/, "") !== origin)
    throw new UsageError(`--allow-origin: ${JSON.stringify(given)} is not a web origin (like https://smith.langchain.com)`);
  return origin;
}
