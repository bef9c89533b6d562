// Replacing a small file whole, as conf does: written beside it, flushed to disk, then renamed over
// it, so a reader (or a crash) sees the old file or the new one, never half of either.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

let written = 0;

/** Puts `text` at `file` (owner-only unless `mode` says otherwise); throws, with nothing left beside it, on failure. */
export function replaceWhole(file: string, text: string, mode = 0o600): void {
  const temp = `${file}.${process.pid}-${(written += 1)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const fd = openSync(temp, "wx", mode);
    try {
      writeSync(fd, text);
      // On disk before it replaces the old file: a crash leaves one or the other, whole.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
