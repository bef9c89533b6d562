// Another client sending on the thread while chat's runs are in flight: its run shows up in
// chat's queue (followed like chat's own), and its output is shown once, in the thread's order.
import { afterAll, beforeAll, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import type { MessageDict } from "../../src/engine/message.js";
import { Session } from "../../src/engine/session.js";
import type { SessionEvent } from "../../src/engine/types.js";
import { recordedSession, startTestServer, type TestServer } from "../helpers/local-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 300, nWorkers: 1 });
});
afterAll(async () => {
  await server?.stop();
});

it("a run another client sends mid-session is noticed, followed to its end, and its messages shown once", async () => {
  const s = await recordedSession(server);
  const running = s.afterNode(0, "agent");
  s.session.send("what's the weather in sf?", "enqueue");
  await running;
  const theirs = await server.client.runs.create(s.threadId, "agent", {
    input: { messages: [{ type: "human", content: "what's the weather in nyc?" }] },
    multitaskStrategy: "enqueue",
  });
  await s.session.whenIdle();
  const snapshot = s.session.getSnapshot();
  expect(snapshot.map((m) => [m.text, m.status, m.found === true])).toEqual([
    ["what's the weather in sf?", "success", false],
    ["what's the weather in nyc?", "success", true],
  ]);
  expect(snapshot[1]?.runId).toBe(theirs.run_id);
  const adopted = s.events.find((e) => e.type === "status" && e.message.index === 1);
  expect(adopted).toBeDefined();
  const shown = s.emitted().map((m: MessageDict) => m.id);
  expect(new Set(shown).size).toBe(shown.length);
  expect(shown).toEqual((await s.threadMessages()).map((m) => m.id));
});

it("three clients on one thread (A enqueue ×2, B interrupt, C rollback): output by run_id, causes only when known, A follows to the end", async () => {
  const open = (threadId: string) =>
    Session.open({ client: server.client, createClient: server.createClient, assistantId: "agent", threadId, watchMs: 200 });
  const a = await recordedSession(server);
  const running = a.afterNode(0, "agent");
  a.session.send("what's the weather in sf?", "enqueue");
  a.session.send("what's the weather in nyc?", "enqueue");
  await running;
  // C opens the thread now: it finds A1 running and A2 pending, and follows them like its own.
  const c = await open(a.threadId);
  const cEvents: SessionEvent[] = [];
  c.subscribe((e) => cEvents.push(e));
  expect(c.getSnapshot().map((m) => m.status)).toEqual(["running", "pending"]);
  // B's interrupt stops both of A's; then C's rollback stops B's.
  const b = await open(a.threadId);
  b.send("what's the weather in la?", "interrupt");
  for (let i = 0; b.getSnapshot()[0]?.status !== "running"; i++) {
    if (i > 200) throw new Error("B's run never started");
    await sleep(25);
  }
  c.send("what's the weather in paris?", "rollback");
  await Promise.all([a.session.whenIdle(), b.whenIdle(), c.whenIdle()]);
  for (const session of [a.session, b, c]) session.close();

  // A: its two runs were stopped by a run not its own; A2 wrote nothing, so nothing is shown as its.
  const aMessages = a.session.getSnapshot();
  expect(aMessages.slice(0, 2).map((m) => [m.status, m.detail])).toEqual([
    ["interrupted", "stopped by another client's run"],
    ["interrupted", "stopped by another client's run"],
  ]);
  const shownAsA2 = a.events.flatMap((e) => (e.type === "messages" && e.index === 1 && !e.byOthers ? e.messages : []));
  expect(shownAsA2).toEqual([]);
  // A followed the other clients' runs to the end: C's rollback ran to success before A was idle.
  expect(aMessages.find((m) => m.text === "what's the weather in paris?")?.status).toBe("success");
  // C: A's runs were stopped by B's interrupt (server: interrupted), not by C's own rollback.
  const found = c.getSnapshot().slice(0, 2);
  expect(found.map((m) => [m.status, m.serverStatus, m.by])).toEqual([
    ["interrupted", "interrupted", undefined],
    ["interrupted", "interrupted", undefined],
  ]);
  expect(found.every((m) => !/rollback requested/.test(m.detail ?? ""))).toBe(true);
  // Every message of the thread was shown to A exactly once, in the thread's order.
  const shown = a.emitted().map((m: MessageDict) => m.id);
  expect(shown).toEqual((await a.threadMessages()).map((m) => m.id));
});
