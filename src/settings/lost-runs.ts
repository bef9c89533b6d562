// Runs of unknown fate, per deployment (see engine/reconcile.ts). Read directly from their file;
// written through conf (atomic, 0600). Never throws: this is a courtesy, not a reason to stop.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LostRun } from "../engine/reconcile.js";
import { configDir } from "./paths.js";

const FILE = "lost-runs";

function isLostRun(value: unknown): value is LostRun {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.threadId === "string" &&
    typeof v.clientId === "string" &&
    typeof v.text === "string" &&
    (v.runId === undefined || typeof v.runId === "string")
  );
}

export function readLostRuns(deployment: string, dir = configDir()): LostRun[] {
  try {
    const all = JSON.parse(readFileSync(join(dir, `${FILE}.json`), "utf8")) as Record<string, unknown>;
    const list = all[deployment];
    return Array.isArray(list) ? list.filter(isLostRun) : [];
  } catch {
    return [];
  }
}

export async function writeLostRuns(deployment: string, runs: readonly LostRun[], dir = configDir()): Promise<void> {
  try {
    const { default: Conf } = await import("conf");
    const conf = new Conf<Record<string, LostRun[]>>({
      projectName: "chat",
      configName: FILE,
      cwd: dir,
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
    });
    if (runs.length) conf.set(deployment, [...runs]);
    else conf.delete(deployment);
  } catch {
    // see above
  }
}
