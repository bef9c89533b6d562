// The engine against a fake SDK client: creation is idempotent under retries, refusals are
// rejections, creates keep send order, and no run is waited for before the next send.
import { describe, expect, it } from "vitest";
import { Session } from "../../src/engine/session.js";
import { fakeDeployment } from "../helpers/fake-client.js";
import { rateLimiter, retryAfterMs } from "../../src/engine/create.js";

async function session(fake: ReturnType<typeof fakeDeployment>, landMs = 5) {
  return Session.open({ client: fake.client, assistantId: "agent", threadId: "t", retryDelayMs: 1, fresh: true, landMs });
}

describe("creating runs when the server cannot say what happened", () => {
  it("never creates again while the look-up gets no answer; the message is unknown, saying so", async () => {
    const fake = fakeDeployment(["made-then-lost"], { listFails: 3 });
    const s = await session(fake);
    s.send("hello", "enqueue");
    await s.whenIdle();
    expect(fake.calls.filter((c) => c.startsWith("create"))).toEqual(["create:made-then-lost"]);
    expect(s.getSnapshot()[0]).toMatchObject({
      status: "unknown",
      detail: expect.stringMatching(/cannot tell whether the server got it/),
    });
    expect(s.getConnection()).toBe("offline");
  });

  it("resending that unknown message adopts the run its first try made", async () => {
    const fake = fakeDeployment(["made-then-lost"], { listFails: 3 });
    const s = await session(fake);
    s.send("hello", "enqueue");
    await s.whenIdle();
    fake.releaseRuns();
    s.send("hello", "enqueue", { retryOf: 0 });
    await s.whenIdle();
    expect(fake.runs).toHaveLength(1);
    expect(s.getSnapshot()[1]).toMatchObject({ status: "success", runId: "run-1", retryOf: 0 });
    expect(s.getConnection()).toBe("connected");
  });

  it("a resend of a message that never got through creates it once", async () => {
    const fake = fakeDeployment(["lost", "lost", "lost"]);
    const s = await session(fake);
    s.send("hello", "enqueue");
    await s.whenIdle();
    fake.releaseRuns();
    s.send("hello", "enqueue", { retryOf: 0 });
    await s.whenIdle();
    expect(fake.runs).toHaveLength(1);
    expect(s.getSnapshot().map((m) => m.status)).toEqual(["unknown", "success"]);
  });

  it("a create that lands after its answer was lost is found by waiting out the landing window, not made twice", async () => {
    const fake = fakeDeployment(["lands-late"], { landAfterMs: 80 });
    const s = await session(fake, 2000);
    s.send("hello", "enqueue");
    fake.releaseRuns();
    await s.whenIdle();
    expect(fake.calls.filter((c) => c.startsWith("create"))).toEqual(["create:lands-late"]);
    expect(fake.runs).toHaveLength(1);
    expect(s.getSnapshot()[0]).toMatchObject({ status: "success", runId: "run-1" });
  });

  it("a look-up that finds two runs of one message follows the first, cancels the other not yet started, and says so", async () => {
    const fake = fakeDeployment(["lost", "lost", "lost"]);
    const s = await session(fake);
    s.send("hello", "enqueue");
    await s.whenIdle();
    const clientId = s.getSnapshot()[0]?.clientId;
    // Both tries landed after all, late: the server holds two runs with its client id.
    fake.runs.push(
      { run_id: "late-1", metadata: { chat_client_id: clientId }, strategy: "enqueue", text: "hello", status: "success" },
      { run_id: "late-2", metadata: { chat_client_id: clientId }, strategy: "enqueue", text: "hello", status: "pending" },
    );
    fake.releaseRuns();
    s.send("hello", "enqueue", { retryOf: 0 });
    await s.whenIdle();
    expect(fake.calls).toContain("cancel:late-2");
    expect(fake.calls.filter((c) => c.startsWith("create"))).toHaveLength(3);
    expect(s.getSnapshot()[1]).toMatchObject({
      status: "success",
      runId: "late-1",
      detail: "the server made 2 runs of this message (a create landed late): following the first, cancelled 1 not yet started",
    });
  });
});

describe("creating runs", () => {
  it("a create whose answer is lost after the server made the run adopts that run instead of making a second", async () => {
    const fake = fakeDeployment(["made-then-lost"]);
    const s = await session(fake);
    s.send("hello", "enqueue");
    fake.releaseRuns();
    await s.whenIdle();
    expect(fake.runs).toHaveLength(1);
    expect(fake.calls.filter((c) => c.startsWith("create"))).toEqual(["create:made-then-lost"]);
    expect(s.getSnapshot()[0]).toMatchObject({ status: "success", runId: "run-1" });
  });

  it("a create that made nothing is retried and ends with exactly one run", async () => {
    const fake = fakeDeployment(["lost", "http-500", "ok"]);
    const s = await session(fake);
    s.send("hello", "enqueue");
    fake.releaseRuns();
    await s.whenIdle();
    expect(fake.runs).toHaveLength(1);
    expect(fake.calls.filter((c) => c.startsWith("create"))).toHaveLength(3);
    expect(s.getSnapshot()[0]?.status).toBe("success");
  });

  it("gives up after the allowed attempts: unknown (nothing said no), never failed, with the reason", async () => {
    const fake = fakeDeployment(["lost", "lost", "lost", "lost"]);
    const s = await session(fake);
    s.send("hello", "enqueue");
    await s.whenIdle();
    expect(fake.runs).toHaveLength(0);
    expect(fake.calls.filter((c) => c.startsWith("create"))).toHaveLength(3);
    expect(s.getSnapshot()[0]).toMatchObject({
      status: "unknown",
      detail: expect.stringMatching(/connect.*; no run for it showed up in 0 s \(resend to check, it will not be doubled\)$/),
    });
  });

  it.each(["http-409", "http-422"] as const)("%s is a rejection, never retried", async (behaviour) => {
    const fake = fakeDeployment([behaviour]);
    const s = await session(fake);
    s.send("hello", "reject");
    await s.whenIdle();
    expect(fake.calls.filter((c) => c.startsWith("create"))).toEqual([`create:${behaviour}`]);
    expect(s.getSnapshot()[0]).toMatchObject({
      status: "rejected",
      httpStatus: Number(behaviour.slice(5)),
      detail: `refused with ${behaviour}`,
    });
  });

  it("a 429 with Retry-After 0 is waited out for the backoff floor, said, and the message goes through once", async () => {
    const fake = fakeDeployment(["http-429", "ok"], { retryAfter: "0" });
    const s = await session(fake);
    const notices: string[] = [];
    s.subscribe((e) => e.type === "notice" && notices.push(e.text));
    const started = Date.now();
    s.send("hello", "enqueue");
    fake.releaseRuns();
    await s.whenIdle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(notices).toEqual(["rate limited, retrying in 1 s"]);
    expect(fake.calls.filter((c) => c.startsWith("create"))).toEqual(["create:http-429", "create:ok"]);
    expect(fake.runs).toHaveLength(1);
    expect(s.getSnapshot()[0]?.runId).toBe("run-1");
  });

  it("the 429 waits: Retry-After, never under 1, 2, 4… s (0, past or negative), ending when wall time passes the budget", () => {
    let now = 0;
    const limited = rateLimiter(10_000, () => now);
    expect([limited(0), limited(undefined), limited(0)]).toEqual([1000, 2000, 4000]);
    expect(limited(6000)).toBe(8000);
    now = 3000;
    expect(limited(5000)).toBeUndefined(); // 3 s gone + 16 s floor > 10 s
    expect(rateLimiter(10_000, () => 0)(20_000)).toBeUndefined();
    const header = (value: string) => ({ response: new Response(null, { status: 429, headers: { "retry-after": value } }) });
    expect(retryAfterMs(header("-5"))).toBe(0);
    expect(retryAfterMs(header("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(0);
  });

  it("a 429 past the waiting budget fails the message, saying it was rate limited", async () => {
    const fake = fakeDeployment(["http-429", "http-429", "http-429"], { retryAfter: "5" });
    const options = { client: fake.client, assistantId: "a", threadId: "t", retryDelayMs: 1, fresh: true, rateLimitMs: 4000 };
    const s = await Session.open(options);
    s.send("hello", "enqueue");
    await s.whenIdle();
    expect(fake.calls.filter((c) => c.startsWith("create"))).toEqual(["create:http-429"]);
    expect(s.getSnapshot()[0]).toMatchObject({
      status: "failed",
      httpStatus: 429,
      detail: "never sent: rate limited: Too many requests",
    });
  });

  it("another client error fails the message without a retry", async () => {
    const fake = fakeDeployment(["http-400"]);
    const s = await session(fake);
    s.send("hello", "enqueue");
    await s.whenIdle();
    expect(fake.calls.filter((c) => c.startsWith("create"))).toEqual(["create:http-400"]);
    expect(s.getSnapshot()[0]).toMatchObject({ status: "failed", httpStatus: 400 });
  });
});

describe("sending", () => {
  it("sends every message with its own strategy without waiting for the runs before it", async () => {
    const fake = fakeDeployment([]);
    const s = await session(fake);
    s.send("one", "enqueue");
    s.send("two", "interrupt");
    s.send("three", "rollback");
    // No run has finished (the fake holds them all), yet all three were created, in order.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.runs.map((r) => r.strategy)).toEqual(["enqueue", "interrupt", "rollback"]);
    // The head run streams (so it is running); the others wait their turn, pending.
    expect(s.getSnapshot().map((m) => m.status)).toEqual(["running", "pending", "pending"]);
    // One reader at a time, in queue order: only the first run is being followed.
    expect(fake.calls.filter((c) => c.startsWith("join"))).toEqual(["join:run-1"]);
    fake.releaseRuns();
    await s.whenIdle();
    expect(s.getSnapshot().map((m) => m.status)).toEqual(["success", "success", "success"]);
  });

  it("emits a status event for each change and a new snapshot array each time", async () => {
    const fake = fakeDeployment([]);
    const s = await session(fake);
    const seen: string[] = [];
    const snapshots = new Set<unknown>();
    s.subscribe((e) => {
      if (e.type === "status") seen.push(e.message.status);
      snapshots.add(s.getSnapshot());
    });
    s.send("one", "enqueue");
    fake.releaseRuns();
    await s.whenIdle();
    expect(seen).toEqual(["sending", "pending", "running", "success"]);
    expect(snapshots.size).toBe(4);
  });
});
