// `/export <file>`: the open thread, read from the server as `chat print --thread` reads it, written
// to a file: Markdown for a .md name, else the transcript's plain text. An existing file is kept
// unless `/export!` is asked for; a failure (no such directory, no permission) leaves the disk as it was.
import { open, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { Client } from "@langchain/langgraph-sdk";
import { plainTheme } from "../pretty-print/pretty.js";
import { threadDocument } from "./print.js";
import { formatFor } from "./formats.js";

/** Writes a thread to a file and says where it went; throws one line when it did not. */
export type ExportThread = (threadId: string, file: string, replace: boolean) => Promise<string>;

/** The file a typed name means: relative to the working directory, ~/ at home. */
export function exportPath(file: string, cwd = process.cwd(), home = homedir()): string {
  return file === "~" || file.startsWith("~/") ? join(home, file.slice(1)) : resolve(cwd, file);
}

/** A file-system error in a few words, naming the path. */
function writeProblem(err: unknown, path: string): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EEXIST: `${path} exists: /export! replaces it`,
    ENOENT: `no such directory: ${dirname(path)}`,
    ENOTDIR: `not a directory on the way to ${path}`,
    EACCES: `permission denied: ${path}`,
    EPERM: `permission denied: ${path}`,
    EISDIR: `${path} is a directory`,
    EROFS: `read-only file system: ${path}`,
  };
  const known = code !== undefined ? why[code] : undefined;
  return new Error(known ?? `cannot write ${path}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
}

/** Creates `path` with `text`; never over an existing file, and a half-written one is removed. */
async function writeNew(path: string, text: string): Promise<void> {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(text);
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw err;
  }
}

/** Writes `text` to `path`, replacing what is there only once the whole text is written (beside it, then renamed). */
async function write(path: string, text: string, replace: boolean): Promise<void> {
  if (!replace) return writeNew(path, text);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.chat-export`);
  await writeNew(temp, text);
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** /export over a deployment's client: the thread is read first, so a thread that cannot be read touches no file. */
export function threadExporter(client: Client, label: string, cwd?: string): ExportThread {
  return async (threadId, file, replace) => {
    const path = exportPath(file, cwd);
    const format = formatFor(path);
    const { text, messages } = await threadDocument(client, label, threadId, format, plainTheme);
    try {
      await write(path, text, replace);
    } catch (err) {
      throw writeProblem(err, path);
    }
    const what = format === "markdown" ? "Markdown" : "text";
    const holds = messages === undefined ? "its state" : `${messages} message${messages === 1 ? "" : "s"}`;
    return `thread ${threadId} exported to ${path} (${what}, ${holds})`;
  };
}
