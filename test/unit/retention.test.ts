// Which runs and threads a retention sweep may delete: never anything holding the current state,
// in flight, or touched within the grace period.
import { describe, expect, it } from "vitest";
import { runsToDelete, threadsToDelete, type Retention, type RunInfo } from "../../src/server/retention.js";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const retention: Retention = { keepThreads: 2, keepRuns: 1, graceMs: 60_000, intervalMs: 30_000 };
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

/** Runs r0..rN, one a minute apart, the oldest first, finished a minute after creation. */
function runs(...statuses: string[]): RunInfo[] {
  return statuses.map((status, i) => ({
    run_id: `r${i}`,
    status,
    created_at: ago((statuses.length - i) * 600),
    updated_at: ago((statuses.length - i) * 600 - 60),
  }));
}

describe("runsToDelete", () => {
  it("keeps the run that wrote the current state and the newest keepRuns before it", () => {
    expect(runsToDelete(runs("success", "success", "success", "success"), "r3", retention, NOW)).toEqual(["r0", "r1"]);
    expect(runsToDelete(runs("success", "success", "success", "success"), "r3", { ...retention, keepRuns: 0 }, NOW)).toEqual([
      "r0",
      "r1",
      "r2",
    ]);
  });

  it("never deletes a run created after the state's writer (a pending, or one stopped before it wrote)", () => {
    const list = runs("success", "success", "interrupted", "pending");
    expect(runsToDelete(list, "r1", { ...retention, keepRuns: 0 }, NOW)).toEqual(["r0"]);
  });

  it("never deletes a run in flight, nor one finished within the grace period", () => {
    const list = runs("success", "running", "success", "success");
    list[0]!.updated_at = ago(30);
    expect(runsToDelete(list, "r3", { ...retention, keepRuns: 0 }, NOW)).toEqual(["r2"]);
  });

  it("deletes nothing when the state's writer is not among the listed runs", () => {
    expect(runsToDelete(runs("success", "success", "success"), "elsewhere", retention, NOW)).toEqual([]);
  });

  it("with a state no run wrote (or none at all), every finished run is older than it", () => {
    expect(runsToDelete(runs("success", "error", "success"), undefined, retention, NOW)).toEqual(["r0", "r1"]);
  });

  it("orders by creation time, not by the order listed", () => {
    expect(runsToDelete(runs("success", "success", "success").reverse(), "r2", retention, NOW)).toEqual(["r0"]);
  });
});

describe("threadsToDelete", () => {
  it("spares threads with a run in flight and threads updated within the grace period", () => {
    const threads = [
      { thread_id: "a", status: "idle", updated_at: ago(3600) },
      { thread_id: "b", status: "busy", updated_at: ago(3600) },
      { thread_id: "c", status: "interrupted", updated_at: ago(10) },
      { thread_id: "d", status: "error", updated_at: ago(61) },
    ];
    expect(threadsToDelete(threads, retention, NOW)).toEqual(["a", "d"]);
  });
});
