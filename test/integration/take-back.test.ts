// Taking queued messages back on the real LangGraph.js API server with the demo graph: a pending
// run taken back is cancelled before it starts and never runs (no trace in the thread), the queue
// goes on without it; a running one is refused and runs to its end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedSession, startTestServer, type TestServer } from "../helpers/local-server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 200 });
});
afterAll(async () => {
  await server?.stop();
});

describe("taking a queued message back (real server)", () => {
  it("a pending run is cancelled before it starts and never runs; the running one is not taken back; the rest of the queue runs", async () => {
    const s = await recordedSession(server);
    const moved = (n: number, cause: "created" | "started") =>
      new Promise<void>((resolve) =>
        s.session.subscribe((e) => e.type === "status" && e.message.index === n && e.cause.type === cause && resolve()),
      );
    const third = moved(2, "created");
    const firstRuns = moved(0, "started");
    s.session.send("what's the weather in sf?", "enqueue");
    s.session.send("what's the weather in nyc?", "enqueue");
    s.session.send("and in la?", "enqueue");
    await Promise.all([third, firstRuns]);
    const refused = await s.session.withdraw(0, "unsend");
    expect(refused).toEqual({ refused: "#1 is running: it is not taken back (Esc or /cancel stops it)" });
    const taken = await s.session.withdraw(2, "drop");
    expect(taken).toMatchObject({ withdrawn: { index: 2, status: "withdrawn", withdrawn: "drop" } });
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["success", "success", "withdrawn"]);
    const run = await server.client.runs.get(s.threadId, s.session.getSnapshot()[2]?.runId ?? "");
    expect(run.status).toBe("interrupted");
    const humans = (await s.threadMessages()).filter((m) => m.type === "human").map((m) => m.content);
    expect(humans).toEqual(["what's the weather in sf?", "what's the weather in nyc?"]);
    expect(s.session.illegal).toEqual([]);
  });
});
