// Runs of unknown fate, per deployment (see engine/reconcile.ts), kept as keyed-file.ts keeps
// things: never throws, a courtesy and not a reason to stop.
import type { LostRun } from "../engine/reconcile.js";
import { configDir } from "./paths.js";
import { readKeyed, writeKeyed } from "./keyed-file.js";

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
  const list = readKeyed(dir, FILE, deployment);
  return Array.isArray(list) ? list.filter(isLostRun) : [];
}

export function writeLostRuns(deployment: string, runs: readonly LostRun[], dir = configDir()): void {
  writeKeyed(dir, FILE, deployment, runs.length ? [...runs] : undefined);
}
