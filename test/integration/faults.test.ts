// Network faults between the engine and the real server, injected by a TCP proxy: every message
// ends up in the thread exactly once, in order, or is clearly marked failed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startLocalDeployment, type LocalDeployment } from "../../src/deployment/local.js";
import { Session } from "../../src/engine/session.js";
import type { SessionEvent } from "../../src/engine/types.js";
import type { MessageDict } from "../../src/engine/message.js";
import { FaultProxy } from "../helpers/fault-proxy.js";
import { waitUntil } from "../helpers/wait.js";

const CREATE = /^POST \/threads\/[^/]+\/runs$/;
const STREAM = /^GET \/threads\/[^/]+\/runs\/[^/]+\/stream/;
let dir: string;
let deployment: LocalDeployment;
let proxy: FaultProxy;
let direct: Client;

const port = (d: LocalDeployment) => Number(new URL(d.url).port);
/** A restart keeps its key, as `chat serve` does: clients that had it still get in. */
const start = (key?: string | null) =>
  startLocalDeployment({ dataDir: join(dir, "data"), logFile: join(dir, "server.log"), latencyMs: 150, nWorkers: 2, key });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chat-faults-"));
  deployment = await start();
  proxy = await FaultProxy.start(port(deployment));
  direct = new Client({ apiUrl: deployment.url, apiKey: deployment.key });
});
afterEach(() => {
  proxy.delay(0);
  proxy.refuse(false);
});
afterAll(async () => {
  await proxy?.stop();
  await deployment?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A session that talks to the server through the proxy, as chat does (creates not auto-retried). */
async function proxiedSession(reconnectMs?: number, landMs?: number) {
  const thread = await direct.threads.create();
  const session = await Session.open({
    reconnectMs,
    landMs,
    client: new Client({ apiUrl: proxy.url, apiKey: deployment.key, callerOptions: { maxRetries: 2 } }),
    createClient: new Client({ apiUrl: proxy.url, apiKey: deployment.key, callerOptions: { maxRetries: 0 } }),
    assistantId: "agent",
    threadId: thread.thread_id,
    retryDelayMs: 100,
  });
  const events: SessionEvent[] = [];
  session.subscribe((e) => events.push(e));
  const emitted = () => events.flatMap((e) => (e.type === "messages" ? e.messages.map((m) => m.id) : []));
  const final = async () => {
    const direct2 = new Client({ apiUrl: deployment.url, apiKey: deployment.key });
    return ((await direct2.threads.getState(thread.thread_id)).values as { messages: MessageDict[] }).messages;
  };
  const runsOnServer = async () =>
    new Client({ apiUrl: deployment.url, apiKey: deployment.key }).runs.list(thread.thread_id, { limit: 100 });
  return { session, events, emitted, final, runsOnServer, threadId: thread.thread_id };
}

const questions = (n: number) => ["sf", "nyc", "la", "paris"].slice(0, n).map((p) => `what's the weather in ${p}?`);
/**
 * Sends n questions, and waits until the first is running and every create has its answer (a
 * create the server takes but never saves, as it stops, is rightly "gone": not these tests' case).
 */
async function sendUntilRunning(session: Session, n: number): Promise<void> {
  const running = new Promise<void>((resolve) =>
    session.subscribe((e) => e.type === "status" && e.message.index === 0 && e.message.status === "running" && resolve()),
  );
  for (const q of questions(n)) session.send(q, "enqueue");
  await running;
  await waitUntil(() => session.getSnapshot().every((m) => m.runId), {
    what: "every create's answer (a run id for each message)",
    state: () => session.getSnapshot().map((m) => [m.status, m.runId]),
  });
}

const humans = (messages: MessageDict[]) => messages.filter((m) => m.type === "human").map((m) => m.content);

describe("faults between chat and the deployment", () => {
  it("a create whose answer is cut off does not make a second run", async () => {
    const s = await proxiedSession();
    const cutsBefore = proxy.cuts;
    proxy.dropResponseOf(CREATE, 1);
    for (const q of questions(2)) s.session.send(q, "enqueue");
    await s.session.whenIdle();
    expect(proxy.cuts).toBeGreaterThan(cutsBefore);
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["success", "success"]);
    expect(await s.runsOnServer()).toHaveLength(2);
    const final = await s.final();
    expect(humans(final)).toEqual(questions(2));
    expect(final).toHaveLength(8);
    expect(s.emitted()).toEqual(final.map((m) => m.id));
  });

  it("a create the proxy delivers late, after the client's connection was cut, is found, never made again", async () => {
    // As a queueing load balancer does: the client gives up after 0.3 s, the server gets it at 2 s.
    const s = await proxiedSession(undefined, 6000);
    proxy.deliverLate(CREATE, 300, 2000, 1);
    s.session.send(questions(1)[0] ?? "", "enqueue");
    await s.session.whenIdle();
    await waitUntil(() => proxy.lateAnswered >= 1, { what: "the held create to reach the server", ms: 10_000 });
    expect(await s.runsOnServer()).toHaveLength(1);
    expect(s.session.getSnapshot()[0]).toMatchObject({ status: "success" });
    expect(humans(await s.final())).toEqual(questions(1));
  });

  it("one stream event that is not JSON is said once and the run is followed by its status: success, never rejoined, never unknown", async () => {
    const s = await proxiedSession();
    const joinsBefore = proxy.requests.filter((r) => STREAM.test(r)).length;
    proxy.badEventIn(STREAM, 1);
    s.session.send(questions(1)[0] ?? "", "enqueue");
    await s.session.whenIdle();
    expect(s.session.getSnapshot()[0]).toMatchObject({ status: "success" });
    const notices = s.events.flatMap((e) => (e.type === "notice" ? [e.text] : []));
    expect(notices).toEqual([expect.stringMatching(/^a stream event was not JSON \(.*\): following the run by its status/)]);
    expect(proxy.requests.filter((r) => STREAM.test(r)).length - joinsBefore).toBe(1);
    expect(humans(await s.final())).toEqual(questions(1));
    expect(s.emitted()).toEqual((await s.final()).map((m) => m.id));
  });

  it("a stream cut mid-run is rejoined where it left off; nothing is missed or repeated", async () => {
    const s = await proxiedSession();
    const cutsBefore = proxy.cuts;
    proxy.cutResponseAfter(STREAM, 400, 3);
    for (const q of questions(3)) s.session.send(q, "enqueue");
    await s.session.whenIdle();
    expect(proxy.cuts - cutsBefore).toBe(3);
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["success", "success", "success"]);
    const final = await s.final();
    expect(humans(final)).toEqual(questions(3));
    expect(final).toHaveLength(12);
    expect(s.emitted()).toEqual(final.map((m) => m.id));
  });

  it("slow responses change nothing but time", async () => {
    const s = await proxiedSession();
    proxy.delay(120);
    for (const q of questions(3)) s.session.send(q, "enqueue");
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["success", "success", "success"]);
    const final = await s.final();
    expect(humans(final)).toEqual(questions(3));
    expect(s.emitted()).toEqual(final.map((m) => m.id));
  });

  it("a message sent while every connection is cut at once is unknown (its request may have gone out), and its resend goes through once", async () => {
    const s = await proxiedSession();
    proxy.refuse(true);
    s.session.send("what's the weather in sf?", "enqueue");
    await s.session.whenIdle();
    expect(s.session.getSnapshot()[0]).toMatchObject({
      status: "unknown",
      detail: expect.stringMatching(/cannot tell whether the server got it/),
    });
    expect(s.session.getConnection()).toBe("offline");
    proxy.refuse(false);
    s.session.send("what's the weather in sf?", "enqueue", { retryOf: 0 });
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["unknown", "success"]);
    expect(s.session.getConnection()).toBe("connected");
    expect(humans(await s.final())).toEqual(["what's the weather in sf?"]);
  });

  it("a connection refused outright sent nothing: the message is failed, not unknown, without a look-up", async () => {
    const { keyGuardedFetch } = await import("../../src/deployment/guarded-fetch.js");
    const { createServer } = await import("node:net");
    const listener = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => listener.once("listening", resolve));
    const free = (listener.address() as { port: number }).port;
    await new Promise((resolve) => listener.close(resolve));
    const closed = `http://127.0.0.1:${free}`;
    const fetch = keyGuardedFetch(closed);
    const client = new Client({ apiUrl: closed, apiKey: null, callerOptions: { maxRetries: 0, fetch } });
    const session = await Session.open({ client, assistantId: "agent", threadId: "t", retryDelayMs: 10, fresh: true });
    session.send("hello", "enqueue");
    await session.whenIdle();
    expect(session.getSnapshot()[0]).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(/^nothing was sent: .*ECONNREFUSED/),
    });
  });

  it("a run past a thread's first hundred is found by its client id, so a lost create is never made twice", async () => {
    const { thread_id: thread } = await direct.threads.create();
    const ids: string[] = [];
    for (let i = 0; i < 105; i++) {
      const run = await direct.runs.create(thread, "agent", {
        input: { messages: [] },
        metadata: { chat_client_id: `client-${i}` },
        multitaskStrategy: "enqueue",
        afterSeconds: 3600,
      });
      ids.push(run.run_id);
    }
    const { findRun } = await import("../../src/engine/lookup.js");
    const options = { signal: new AbortController().signal, delayMs: 10 };
    expect(await findRun(direct, thread, "client-104", options)).toEqual({ found: ids[104] });
    expect(await findRun(direct, thread, "client-none", options)).toBe("absent");
    await direct.threads.delete(thread);
  });

  it("resending a message whose create got through but whose answer was lost adopts the run it made", async () => {
    const s = await proxiedSession();
    // The create reaches the server, its answer is cut, and the look-up that follows fails too.
    proxy.dropResponseOf(CREATE, 1);
    proxy.dropResponseOf(/^GET \/threads\/[^/]+\/runs\?/, 100);
    s.session.send("what's the weather in sf?", "enqueue");
    await s.session.whenIdle();
    expect(s.session.getSnapshot()[0]?.status).toBe("unknown");
    expect(await s.runsOnServer()).toHaveLength(1);
    proxy.clearRules();
    s.session.send("what's the weather in sf?", "enqueue", { retryOf: 0 });
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["unknown", "success"]);
    expect(await s.runsOnServer()).toHaveLength(1);
    expect(humans(await s.final())).toEqual(["what's the weather in sf?"]);
  });

  it("contact lost for longer than the reconnect budget makes runs in flight unknown, never failed, and nothing is sent twice", async () => {
    const s = await proxiedSession(1500);
    await sendUntilRunning(s.session, 3);
    proxy.refuse(true);
    proxy.cutAll();
    await s.session.whenIdle();
    const snapshot = s.session.getSnapshot();
    expect(snapshot.map((m) => m.status)).toEqual(["unknown", "unknown", "unknown"]);
    for (const m of snapshot) {
      expect(m.detail).toContain(`run ${m.runId} may still run on the server: see it with --thread ${s.threadId}`);
    }
    // The server went on without us: every run ends there, each exactly once.
    const runs = await s.runsOnServer();
    expect(runs).toHaveLength(3);
    await Promise.all(runs.map((r) => direct.runs.join(s.threadId, r.run_id)));
    expect(humans(await s.final())).toEqual(questions(3));
    const { reconcile } = await import("../../src/engine/reconcile.js");
    const lost = snapshot.map((m) => ({ threadId: s.threadId, runId: m.runId, clientId: m.clientId, text: m.text }));
    const settled = await reconcile(direct, lost);
    expect(settled.map((r) => [r.status, r.open])).toEqual([
      ["success", false],
      ["success", false],
      ["success", false],
    ]);
  });

  it("once contact is back, runs that went unknown are followed again and settled from the server, their output theirs", async () => {
    const s = await proxiedSession(1500);
    await sendUntilRunning(s.session, 2);
    proxy.refuse(true);
    proxy.cutAll();
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["unknown", "unknown"]);
    const runs = await s.runsOnServer();
    await Promise.all(runs.map((r) => direct.runs.join(s.threadId, r.run_id)));
    proxy.refuse(false);
    s.session.send(questions(3)[2] ?? "", "enqueue");
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => [m.status, m.serverStatus])).toEqual([
      ["success", "success"],
      ["success", "success"],
      ["success", "success"],
    ]);
    // Each run's messages are shown as its own, in queue order; none as another client's.
    const messages = s.events.filter((e) => e.type === "messages");
    expect(messages.map((e) => [e.index, e.byOthers ?? false])).toEqual([
      [0, false],
      [1, false],
      [2, false],
    ]);
    expect(s.emitted()).toEqual((await s.final()).map((m) => m.id));
  });

  it("resending a message that went unknown mid-run follows its run once: the resend settles it, the original stays unknown", async () => {
    const s = await proxiedSession(1500);
    await sendUntilRunning(s.session, 1);
    proxy.refuse(true);
    proxy.cutAll();
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["unknown"]);
    const [run] = await s.runsOnServer();
    await direct.runs.join(s.threadId, run?.run_id ?? "");
    proxy.refuse(false);
    s.session.send(questions(1)[0] ?? "", "enqueue", { retryOf: 0 });
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => [m.status, m.runId])).toEqual([
      ["unknown", run?.run_id],
      ["success", run?.run_id],
    ]);
    // One run, followed once: one end, its messages once.
    const ends = s.events.filter((e) => e.type === "status" && e.message.status === "success");
    expect(ends.map((e) => (e.type === "status" ? e.message.index : -1))).toEqual([1]);
    expect(s.events.filter((e) => e.type === "messages").map((e) => e.index)).toEqual([1]);
    expect(await s.runsOnServer()).toHaveLength(1);
  });

  it("an outage shorter than the reconnect budget is ridden out: every run is followed to its end", async () => {
    const s = await proxiedSession(30_000);
    await sendUntilRunning(s.session, 2);
    const triesBefore = proxy.refused;
    proxy.refuse(true);
    proxy.cutAll();
    // The outage is noticed, and chat's tries to get through are turned away a few times.
    await waitUntil(() => s.session.getConnection() !== "connected", { what: "the session to notice the outage" });
    await waitUntil(() => proxy.refused - triesBefore >= 3, {
      what: "three tries to reconnect, refused",
      state: () => proxy.refused - triesBefore,
    });
    expect(s.session.getConnection()).not.toBe("connected");
    proxy.refuse(false);
    await s.session.whenIdle();
    expect(s.session.getSnapshot().map((m) => m.status)).toEqual(["success", "success"]);
    expect(s.emitted()).toEqual((await s.final()).map((m) => m.id));
  });

  it("the deployment restarting mid-session leaves every message finished or clearly failed", async () => {
    const s = await proxiedSession();
    await sendUntilRunning(s.session, 3);
    await deployment.stop();
    deployment = await start(deployment.key);
    proxy.setTarget(port(deployment));
    direct = new Client({ apiUrl: deployment.url, apiKey: deployment.key });
    await s.session.whenIdle();
    const statuses = s.session.getSnapshot().map((m) => m.status);
    // The run cut off by the restart is gone (the server clears it); the queued ones still run.
    expect(statuses, JSON.stringify(s.session.getSnapshot().map((m) => m.detail))).toEqual(["failed", "success", "success"]);
    expect(s.session.getSnapshot()[0]?.detail).toMatch(/gone from the server/);
    const final = await s.final();
    expect(humans(final).slice(-2)).toEqual(questions(3).slice(1));
    const ids = final.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(s.emitted()).size).toBe(s.emitted().length);
  });
});
