// Taking queued messages back on the real LangGraph.js API server with the demo graph: a pending
// run taken back is cancelled before it starts and never runs (no trace in the thread), the queue
// goes on without it; a running one is refused and runs to its end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "../../src/engine/session.js";
import { waitUntil } from "../helpers/wait.js";
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

  it("a take-back racing the run's start: either it never ran (taken back) or it runs to its end (refused), as the server has it", async () => {
    const s = await recordedSession(server);
    s.session.send("what's the weather in sf?", "enqueue");
    s.session.send("what's the weather in nyc?", "enqueue");
    // The first run's last step: the second is about to start as the take-back goes out.
    await s.afterNode(0, "tools");
    const result = await s.session.withdraw(1, "unsend");
    await s.session.whenIdle();
    const second = s.session.getSnapshot()[1];
    const run = await server.client.runs.get(s.threadId, second?.runId ?? "");
    const humans = (await s.threadMessages()).filter((m) => m.type === "human").map((m) => m.content);
    if ("withdrawn" in result) {
      expect(second?.status).toBe("withdrawn");
      expect(run.status).toBe("interrupted");
      expect(humans).toEqual(["what's the weather in sf?"]);
    } else {
      expect(result.refused).toMatch(/^#2 (is running|has started meanwhile|had started before the take-back arrived)/);
      expect(second?.status).toMatch(/^(success|interrupted)$/);
      expect(humans).toContain("what's the weather in sf?");
    }
    expect(s.session.illegal).toEqual([]);
  });

  it("on a shared thread another client's run is not ours to take back; our own pending one is, while theirs runs", async () => {
    const { threadId, threadMessages } = await recordedSession(server);
    const theirs = await server.client.runs.create(threadId, "agent", {
      input: { messages: [{ type: "human", content: "what's the weather in paris?" }] },
      multitaskStrategy: "enqueue",
    });
    // Opened while theirs is in flight: it is followed here like ours; ours queues behind it.
    const session = await Session.open({
      client: server.client,
      createClient: server.createClient,
      assistantId: "agent",
      threadId,
    });
    const ours = { session, threadId, threadMessages };
    const found = session.getSnapshot().find((m) => m.found);
    expect(found?.runId).toBe(theirs.run_id);
    const mine = session.send("what's the weather in nyc?", "enqueue");
    await waitUntil(() => session.getSnapshot()[mine.index]?.status === "pending", { what: "ours pending behind theirs" });
    expect(await ours.session.withdraw(found?.index ?? -1, "drop")).toEqual({
      refused: `#${(found?.index ?? 0) + 1} is another client's run: /cancel all stops it`,
    });
    expect(await ours.session.withdraw(mine.index, "drop")).toMatchObject({ withdrawn: { status: "withdrawn" } });
    await ours.session.whenIdle();
    expect((await server.client.runs.get(ours.threadId, theirs.run_id)).status).toBe("success");
    const humans = (await ours.threadMessages()).filter((m) => m.type === "human").map((m) => m.content);
    expect(humans).toEqual(["what's the weather in paris?"]);
    expect(ours.session.illegal).toEqual([]);
    session.close();
  });
});
