// Finds local-deployment processes whose working directory is under a given dir (Linux /proc).
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export function serverPidsUnder(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.includes("server-child.js")) continue;
      if (readlinkSync(`/proc/${entry}/cwd`).startsWith(dir)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/**
 * The server processes under `dir` still alive after waiting up to `withinMs` for them to go: a
 * server told to stop exits once its event loop is free (loading the server holds it for most of
 * a second, longer on a loaded machine), so not at once.
 */
export async function serverPidsLeftUnder(dir: string, withinMs = 15_000): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  while (serverPidsUnder(dir).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return serverPidsUnder(dir);
}

/** Kills (SIGKILL) the server processes under `dir`: what a test that failed half-way left running. */
export function killServersUnder(dir: string): void {
  for (const pid of serverPidsUnder(dir)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // it ended meanwhile
    }
  }
}
