// Following one run against a scripted stream: when it stops reading, what it concludes, and how
// it rejoins, retries and gives up. Timing is checked under fake timers with the real defaults.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { followRun, type FollowOptions } from "../../src/engine/follow.js";
import { HttpError, connectionError } from "../helpers/fake-client.js";
import { scriptedRun, valuesEvents, type Part } from "../helpers/fake-stream.js";

function follow(run: ReturnType<typeof scriptedRun>, options: Partial<FollowOptions> = {}) {
  const delivered: Array<{ event: string; data: unknown; namespace?: readonly string[] }> = [];
  const retries: unknown[] = [];
  const controller = new AbortController();
  let settled = false;
  const result = followRun(run.client, "thread", "run", {
    signal: controller.signal,
    onEvent: (event, data, namespace) => delivered.push({ event, data, ...(namespace.length ? { namespace } : {}) }),
    onRetry: (err) => retries.push(err),
    ...options,
  });
  result.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { result, delivered, retries, controller, settled: () => settled };
}

const metadata: Part = { id: "0", event: "metadata", data: { run_id: "run" } };
const errorEvent = (message: string): Part => ({ id: "9", event: "error", data: { error: "Error", message } });
const fast = { timing: { backoffMs: 1 } };

describe("how the run ended", () => {
  it("a stream that ends on a successful run is a success, every event delivered once in order", async () => {
    const run = scriptedRun({ events: [metadata, ...valuesEvents(2)], statuses: ["success"] });
    const f = follow(run);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
    expect(f.delivered.map((d) => d.event)).toEqual(["metadata", "values", "values"]);
    expect(run.joins.map((j) => j.lastEventId)).toEqual(["-1"]);
  });

  it.each(["interrupt", " Rollback "])(
    "the stream error %j on a failed run means it was stopped, not that it failed",
    async (text) => {
      const run = scriptedRun({ events: [metadata, errorEvent(text)], statuses: ["error"] });
      const f = follow(run);
      await expect(f.result).resolves.toEqual({ kind: "stopped", deleted: false, serverStatus: "error" });
      expect(f.delivered.map((d) => d.event)).toEqual(["metadata"]);
    },
  );

  it("any other stream error text is the run's error detail, even one that mentions interrupting", async () => {
    const run = scriptedRun({ events: [metadata, errorEvent("tool failed: interrupt")], statuses: ["error"] });
    await expect(follow(run).result).resolves.toEqual({
      kind: "error",
      detail: "tool failed: interrupt",
      serverStatus: "error",
    });
  });

  it("an event that is not JSON is a protocol error: said once, never rejoined, and the run's outcome comes from its status", async () => {
    const run = scriptedRun({
      events: [metadata],
      joins: [{ steps: [1], then: { throws: new SyntaxError("Expected property name or '}' in JSON at position 1") } }],
      statuses: ["running", "running", "success"],
    });
    const notices: string[] = [];
    const f = follow(run, { onNotice: (text) => notices.push(text) });
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
    expect(run.joins).toHaveLength(1);
    expect(f.retries).toEqual([]);
    expect(notices).toEqual([
      "a stream event was not JSON (Expected property name or '}' in JSON at position 1): following the run by its status; its live output stops here",
    ]);
  });

  it("followed by its status after an unreadable event, a run gone (404) is stopped and deleted, not polled forever", async () => {
    const run = scriptedRun({
      events: [metadata],
      joins: [{ steps: [1], then: { throws: new SyntaxError("Unexpected token") } }],
      statuses: ["running", { throws: new HttpError(404, "not found") }],
    });
    const f = follow(run, { onNotice: () => {} });
    await expect(f.result).resolves.toEqual({ kind: "stopped", deleted: true });
    expect(run.gets.length).toBe(2);
  });

  it("a run that is gone when joining is stopped and deleted, with no retry", async () => {
    const run = scriptedRun({ events: [], joins: [{ then: { throws: new HttpError(404, "not found") } }] });
    const f = follow(run);
    await expect(f.result).resolves.toEqual({ kind: "stopped", deleted: true });
    expect(f.retries).toEqual([]);
    expect(run.joins).toHaveLength(1);
  });

  it("a run that is gone when asked for its status after the stream is stopped and deleted", async () => {
    const run = scriptedRun({ events: [metadata], statuses: [{ throws: new HttpError(404, "not found") }] });
    await expect(follow(run).result).resolves.toEqual({ kind: "stopped", deleted: true });
  });
});

describe("not waiting on a quiet stream", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it.each([
    ["success", { kind: "success", serverStatus: "success" }],
    ["interrupted", { kind: "stopped", deleted: false, serverStatus: "interrupted" }],
  ])(
    "a quiet stream of a run that is %s ends at the first status check, long before the server closes it",
    async (status, outcome) => {
      const run = scriptedRun({ events: [metadata], joins: [{ then: { closeAfterMs: 500 } }], statuses: [status] });
      const f = follow(run);
      await vi.advanceTimersByTimeAsync(49);
      expect(f.settled()).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(f.settled()).toBe(true);
      await expect(f.result).resolves.toEqual(outcome);
      expect(run.joins[0]?.signal.aborted).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    },
  );

  const checkpoint = (id: string, next: string[]): Part => ({ id, event: "checkpoints", data: { next, values: {} } });
  /** The run, its status look-ups answering after `ms` (its `gets` record when each answers). */
  const slowLookUps = (run: ReturnType<typeof scriptedRun>, ms: number) => {
    const get = run.client.runs.get.bind(run.client.runs);
    run.client.runs.get = (async (...args: Parameters<typeof get>) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return get(...args);
    }) as typeof get;
    return run;
  };
  const updates: Part = { id: "2", event: "updates", data: { answer: {} } };

  it("the graph's last checkpoint (no next step) has the status asked at once, then soon again; checkpoints are not passed on", async () => {
    const run = scriptedRun({
      events: [metadata, checkpoint("1", ["answer"]), updates, checkpoint("3", [])],
      joins: [{ then: "silent" }],
      statuses: ["running", "success"],
    });
    const f = follow(run);
    await vi.advanceTimersByTimeAsync(20);
    expect(run.gets).toEqual([0, 20]);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
    expect(f.delivered.map((d) => d.event)).toEqual(["metadata", "updates"]);
  });

  it("a last checkpoint asks once at a time: a slow status check is not joined by another, and the next comes soon after", async () => {
    const run = scriptedRun({
      events: [metadata, updates, checkpoint("3", [])],
      joins: [{ then: "silent" }],
      statuses: ["running", "success"],
    });
    // Each status look-up takes 80 ms: longer than the quiet period.
    const f = follow(slowLookUps(run, 80));
    await vi.advanceTimersByTimeAsync(300);
    expect(run.gets).toEqual([80, 180]);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
  });

  it("a last checkpoint that comes while a quiet-period check is under way has the next check soon after it", async () => {
    const run = scriptedRun({
      events: [metadata, updates, checkpoint("3", [])],
      joins: [{ steps: [2, { waitMs: 60 }, 1], then: "silent" }],
      statuses: ["running", "running", "success"],
    });
    const f = follow(slowLookUps(run, 30));
    await vi.advanceTimersByTimeAsync(300);
    // The quiet check starts at 50 and answers at 80 (running); the checkpoint came at 60, so the
    // next starts 20 ms later (not 100), answers at 130 (running), and the next 40 ms after that.
    expect(run.gets).toEqual([80, 130, 200]);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
  });

  it("a subgraph's events come with its namespace; its last checkpoint does not end the run, the graph's own does", async () => {
    // As deepagents' task subgraph streams with subgraphs (event names measured on the real server).
    const ns = "tools:bb9322ab-e5b9-538e-aaf7-cc6ab7967020";
    const run = scriptedRun({
      events: [
        metadata,
        { id: "1", event: `messages|${ns}`, data: [{ type: "ai", content: "hi" }, {}] },
        { id: "2", event: `checkpoints|${ns}`, data: { next: [], values: {} } },
        { id: "3", event: `updates|${ns}|model_request:1f`, data: { model_request: {} } },
      ],
      joins: [{ then: "silent" }],
      statuses: ["success"],
    });
    const f = follow(run);
    await vi.advanceTimersByTimeAsync(20);
    expect(run.gets).toEqual([]);
    await vi.advanceTimersByTimeAsync(30);
    expect(run.gets).toEqual([50]);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
    expect(f.delivered).toEqual([
      { event: "metadata", data: { run_id: "run" } },
      { event: "messages", data: [{ type: "ai", content: "hi" }, {}], namespace: [ns] },
      { event: "updates", data: { model_request: {} }, namespace: [ns, "model_request:1f"] },
    ]);
  });

  it("a last checkpoint that names a next step (a graph stopped to ask) waits for the quiet period as before", async () => {
    const run = scriptedRun({
      events: [metadata, updates, checkpoint("3", ["ask"])],
      joins: [{ then: "silent" }],
      statuses: ["interrupted"],
    });
    const f = follow(run);
    await vi.advanceTimersByTimeAsync(50);
    expect(run.gets).toEqual([50]);
    await expect(f.result).resolves.toEqual({ kind: "stopped", deleted: false, serverStatus: "interrupted" });
  });

  it("a quiet run still going is asked about again, backing off to 2 s, and each event starts the backoff over", async () => {
    const run = scriptedRun({
      events: [metadata, ...valuesEvents(1)],
      joins: [{ steps: [1, { waitMs: 1000 }, 1], then: "silent" }],
      statuses: ["running"],
    });
    const f = follow(run);
    await vi.advanceTimersByTimeAsync(9000);
    expect(run.gets).toEqual([50, 150, 350, 750, 1050, 1150, 1350, 1750, 2550, 4150, 6150, 8150]);
    expect(f.settled()).toBe(false);
    f.controller.abort();
    await expect(f.result).rejects.toThrow(/abort/i);
  });

  it("a status check that gets no answer is tried again later instead of leaving the stream unwatched", async () => {
    const run = scriptedRun({
      events: [metadata],
      joins: [{ then: "silent" }],
      statuses: [{ throws: connectionError() }, "success"],
    });
    const f = follow(run);
    await vi.advanceTimersByTimeAsync(150);
    expect(run.gets).toEqual([50, 150]);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
  });

  it.each([
    ["error", "the run failed on the server"],
    ["timeout", "the run timed out on the server"],
  ])("a silent stream of a run in %s is let go after the error grace period, leaving no timer behind", async (status, detail) => {
    const run = scriptedRun({ events: [metadata], joins: [{ then: "silent" }], statuses: [status] });
    const f = follow(run);
    await vi.advanceTimersByTimeAsync(50 + 1999);
    expect(run.gets).toEqual([50]);
    expect(f.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(f.result).resolves.toEqual({ kind: "error", detail, serverStatus: status });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an error event arriving during the grace period ends the read at once and clears the grace timer", async () => {
    const run = scriptedRun({
      events: [metadata, errorEvent("boom")],
      joins: [{ steps: [1, { waitMs: 300 }, 1] }],
      statuses: ["error"],
    });
    const f = follow(run);
    await vi.advanceTimersByTimeAsync(300);
    expect(f.settled()).toBe(true);
    await expect(f.result).resolves.toEqual({ kind: "error", detail: "boom", serverStatus: "error" });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("rejoining, retrying and giving up", () => {
  it("a stream that ends while the run is running is joined again from the last event seen, delivering nothing twice", async () => {
    const run = scriptedRun({
      events: valuesEvents(4),
      joins: [{ steps: [2] }, {}],
      statuses: ["running", "success"],
    });
    const f = follow(run, fast);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
    expect(run.joins.map((j) => j.lastEventId)).toEqual(["-1", "2"]);
    expect(f.delivered.map((d) => d.data)).toEqual([{ step: 1 }, { step: 2 }, { step: 3 }, { step: 4 }]);
    expect(f.retries).toEqual([expect.objectContaining({ message: expect.stringMatching(/ended while it was running/) })]);
  });

  it("connection failures are retried, saying so each time, until a join gets through", async () => {
    const lost = { then: { throws: connectionError() } };
    const run = scriptedRun({ events: [metadata], joins: [lost, lost, {}] });
    const f = follow(run, fast);
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
    expect(f.retries).toHaveLength(2);
    expect(run.joins).toHaveLength(3);
  });

  it("after maxFailures consecutive connection failures it gives up with the last error", async () => {
    const err = connectionError();
    const run = scriptedRun({ events: [metadata], joins: [{ then: { throws: err } }] });
    const f = follow(run, { ...fast, maxFailures: 3 });
    await expect(f.result).rejects.toBe(err);
    expect(f.retries).toEqual([err, err]);
    expect(run.joins).toHaveLength(3);
  });

  it("failures separated by delivered events do not add up to giving up", async () => {
    const lostAfterOne = { steps: [1], then: { throws: connectionError() } };
    const run = scriptedRun({ events: valuesEvents(3), joins: [lostAfterOne, lostAfterOne, {}] });
    const f = follow(run, { ...fast, maxFailures: 2 });
    await expect(f.result).resolves.toEqual({ kind: "success", serverStatus: "success" });
    expect(f.delivered).toHaveLength(3);
  });

  it("aborting while reading a silent stream throws at once, without retrying", { timeout: 1000 }, async () => {
    const run = scriptedRun({ events: [metadata], joins: [{ then: "silent" }], statuses: ["running"] });
    const f = follow(run);
    await new Promise((resolve) => setImmediate(resolve));
    f.controller.abort();
    await expect(f.result).rejects.toThrow(/abort/i);
    expect(f.retries).toEqual([]);
    expect(run.joins).toHaveLength(1);
  });

  it("aborting during the back-off throws without waiting it out", { timeout: 1000 }, async () => {
    const run = scriptedRun({ events: [], joins: [{ then: { throws: connectionError() } }] });
    const f = follow(run, { timing: { backoffMs: 60_000 }, onRetry: () => f.controller.abort() });
    await expect(f.result).rejects.toThrow(/abort/i);
    expect(run.joins).toHaveLength(1);
  });
});
