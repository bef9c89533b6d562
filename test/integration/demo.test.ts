// `chat demo`'s lanes against the real server: what the server did per strategy, and that the
// summary sentence describes what was observed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { runLane, type LaneResult } from "../../src/demo/lane.js";
import { deviation, explain } from "../../src/demo/explain.js";
import { STRATEGIES, type Strategy } from "../../src/strategies.js";
import { startTestServer, type TestServer } from "../helpers/local-server.js";

let server: TestServer;
const lanes = new Map<Strategy, LaneResult>();

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 300, nWorkers: 4 });
  const results = await Promise.all(
    STRATEGIES.map((strategy) =>
      runLane({ client: server.client, createClient: server.createClient, assistant: "agent", strategy }),
    ),
  );
  for (const lane of results) lanes.set(lane.strategy, lane);
});
afterAll(async () => {
  await server?.stop();
});

const lane = (s: Strategy) => lanes.get(s) as LaneResult;

it("every lane sent its second message while the first run was running, after its tool call", () => {
  for (const s of STRATEGIES) {
    expect(lane(s).firstWhenSecondSent, s).toBe("running");
    expect(lane(s).toolCallBeforeSecond, s).toBe(true);
    const sent = lane(s).timeline.findIndex((e) => e.run === 2 && e.what === `sent with ${s}`);
    const tool = lane(s).timeline.findIndex((e) => e.run === 1 && e.what === "tool call answered");
    expect(tool).toBeGreaterThanOrEqual(0);
    expect(sent).toBeGreaterThan(tool);
  }
});

it("reject: the second is refused and the first finishes; the summary says so", () => {
  expect(lane("reject").statuses).toEqual(["success", "rejected"]);
  expect(lane("reject").leftBy).toEqual([4, 0]);
  expect(explain(lane("reject"))).toBe(
    "The second message was rejected (HTTP 422) while the first run was in flight; the first run finished normally (4 messages).",
  );
  expect(deviation(lane("reject"))).toBeUndefined();
});

it("interrupt: the first stops after its tool call, its partial messages stay, the second completes", () => {
  expect(lane("interrupt").statuses).toEqual(["interrupted", "success"]);
  expect(lane("interrupt").leftBy).toEqual([3, 4]);
  expect(explain(lane("interrupt"))).toBe(
    "The first run was interrupted after its tool call; its partial messages stay in the thread (3 messages); the second run completed (4 messages).",
  );
  expect(deviation(lane("interrupt"))).toBeUndefined();
});

it("rollback: this server stops the running first run instead of deleting it, and the summary flags the difference", () => {
  expect(lane("rollback").statuses).toEqual(["interrupted", "success"]);
  expect(lane("rollback").leftBy).toEqual([3, 4]);
  expect(explain(lane("rollback"))).toMatch(
    /^The first run was stopped \(not deleted\) after its tool call; its partial messages stay/,
  );
  expect(lane("rollback").serverStatuses).toEqual(["error", "success"]);
  expect(deviation(lane("rollback"))).toMatch(/stopped it \(run status error\) and kept its output/);
});

it("enqueue: both runs complete in order", () => {
  expect(lane("enqueue").statuses).toEqual(["success", "success"]);
  expect(
    lane("enqueue")
      .messages.filter((m) => m.type === "human")
      .map((m) => m.content),
  ).toEqual(["what's the weather in sf?", "what's the weather in nyc?"]);
  expect(explain(lane("enqueue"))).toMatch(/both exchanges are in the thread, in order/);
  expect(deviation(lane("enqueue"))).toBeUndefined();
});
