// Double-texting against the real LangGraph.js API server with the demo graph: one scenario per
// strategy and timing. One worker, so a run on another thread can hold the first one pending.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import type { Strategy } from "../../src/strategies.js";
import type { MessageDict } from "../../src/engine/message.js";
import { recordedSession, startTestServer, type TestServer } from "../helpers/local-server.js";

const SF = "what's the weather in sf?";
const NYC = "what's the weather in nyc?";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 300, nWorkers: 1 });
});
afterAll(async () => {
  await server?.stop();
});

/** Occupies the only worker with a run on another thread, so the next runs stay pending. */
async function holdWorker(): Promise<void> {
  const other = await server.client.threads.create();
  const run = await server.client.runs.create(other.thread_id, "agent", {
    input: { messages: [{ type: "human", content: "weather in paris" }] },
    multitaskStrategy: "enqueue",
  });
  for (let i = 0; i < 200; i++) {
    if ((await server.client.runs.get(other.thread_id, run.run_id)).status === "running") return;
    await sleep(20);
  }
  throw new Error("the worker never picked up the blocking run");
}

async function scenario(strategy: Strategy, timing: "pending" | "running") {
  const s = await recordedSession(server);
  if (timing === "pending") await holdWorker();
  const toolDone = s.afterNode(0, "tools");
  const created = new Promise<string>((resolve) =>
    s.session.subscribe((e) => e.type === "status" && e.message.runId && resolve(e.message.runId)),
  );
  s.session.send(SF, "enqueue");
  if (timing === "running") await toolDone;
  else expect((await server.client.runs.get(s.threadId, await created)).status).toBe("pending");
  s.session.send(NYC, strategy);
  await s.session.whenIdle();
  const statuses = s.session.getSnapshot().map((m) => m.status);
  return { ...s, statuses, final: await s.threadMessages() };
}

const summary = (messages: MessageDict[]) =>
  messages.map(
    (m) => `${m.type}:${typeof m.content === "string" ? m.content.slice(0, 60) : "[list]"}${m.tool_calls?.length ? "+call" : ""}`,
  );
const fullExchange = (question: string, place: string) => [
  `human:${question}`,
  "ai:+call",
  expect.stringMatching(new RegExp(`^tool:\\[\\{"url": "https://weather\\.example/${place}`)),
  expect.stringMatching(/^ai:It's \d+°F/),
];

/** Everything emitted, exactly once, in the thread's order. */
function expectEmittedIsThread(emitted: MessageDict[], final: MessageDict[]) {
  expect(emitted.map((m) => m.id)).toEqual(final.map((m) => m.id));
}

describe.each(["pending", "running"] as const)("second message sent while the first run is %s", (timing) => {
  it("enqueue: both exchanges complete, in order", async () => {
    const r = await scenario("enqueue", timing);
    expect(r.statuses).toEqual(["success", "success"]);
    expect(summary(r.final)).toEqual([...fullExchange(SF, "san-francisco"), ...fullExchange(NYC, "new-york-city")]);
    expectEmittedIsThread(r.emitted(), r.final);
  });

  it("reject: the second is refused (409/422) and only the first exchange is kept", async () => {
    const r = await scenario("reject", timing);
    expect(r.statuses).toEqual(["success", "rejected"]);
    expect([409, 422]).toContain(r.session.getSnapshot()[1]?.httpStatus);
    expect(summary(r.final)).toEqual(fullExchange(SF, "san-francisco"));
    expectEmittedIsThread(r.emitted(), r.final);
  });

  it("interrupt: the first is reported interrupted and the second completes", async () => {
    const r = await scenario("interrupt", timing);
    expect(r.statuses).toEqual(["interrupted", "success"]);
    expect(r.session.getSnapshot().map((m) => m.serverStatus)).toEqual(["interrupted", "success"]);
    const partial = timing === "pending" ? [] : fullExchange(SF, "san-francisco").slice(0, 3);
    expect(summary(r.final)).toEqual([...partial, ...fullExchange(NYC, "new-york-city")]);
    expectEmittedIsThread(r.emitted(), r.final);
  });

  it("rollback: a pending first run is deleted; a running one is stopped and reported as such", async () => {
    const r = await scenario("rollback", timing);
    const first = r.session.getSnapshot()[0];
    if (timing === "pending") {
      expect(r.statuses).toEqual(["rolled_back", "success"]);
      expect(first?.serverStatus).toBeUndefined();
      expect(summary(r.final)).toEqual(fullExchange(NYC, "new-york-city"));
      await expect(server.client.runs.get(r.threadId, first?.runId ?? "")).rejects.toMatchObject({ status: 404 });
    } else {
      // The LangGraph.js server stops (does not delete) a running run on rollback.
      expect(r.statuses).toEqual(["interrupted", "success"]);
      expect(first?.detail).toMatch(/rollback requested/);
      expect(first?.serverStatus).toBe("error");
      expect(summary(r.final)).toEqual([...fullExchange(SF, "san-francisco").slice(0, 3), ...fullExchange(NYC, "new-york-city")]);
    }
    expectEmittedIsThread(r.emitted(), r.final);
  });
});
