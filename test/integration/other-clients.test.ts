// Another client sending on the thread while chat's runs are in flight: its run shows up in
// chat's queue (followed like chat's own), and its output is shown once, in the thread's order.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { MessageDict } from "../../src/engine/message.js";
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
