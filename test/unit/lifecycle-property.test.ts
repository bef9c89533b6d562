// Random double-texting against a simulated server with the JS server's multitask semantics:
// whatever the order of sends (every strategy), runs ending and cancels, no message moves outside
// the lifecycle table or out of a final status, every stop names its true cause, and no message is
// lost: each ends as the server has it. Seeded, so a failure names a sequence that can be replayed.
import { describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { FINAL } from "../../src/engine/lifecycle.js";
import type { OutgoingMessage, SessionEvent } from "../../src/engine/types.js";
import type { MessageStatus } from "../../src/engine/status.js";
import { STRATEGIES, type Strategy } from "../../src/strategies.js";
import { simulatedSession, type SimRun } from "../helpers/fake-server.js";
import { random } from "../helpers/random.js";

type Step =
  | { send: Strategy }
  | { answer: Strategy }
  /** Take back (or drop) a message seen queued (`which` of them), else one of the newest three. */
  | { withdraw: "unsend" | "drop"; which: number }
  | "finish"
  | "ask"
  | "cancel"
  | "cancel all"
  | "wait";

function steps(seed: number, count: number): Step[] {
  const next = random(seed);
  return Array.from({ length: count }, (): Step => {
    const r = next();
    // Half enqueue: a queue builds up, so there is something to take back or stop.
    const strategy = next() < 0.5 ? "enqueue" : (STRATEGIES[Math.floor(next() * STRATEGIES.length)] ?? "enqueue");
    if (r < 0.35) return { send: strategy };
    if (r < 0.45) return { answer: strategy };
    if (r < 0.62) return "finish";
    if (r < 0.72) return "ask";
    if (r < 0.8) return { withdraw: next() < 0.5 ? "unsend" : "drop", which: Math.floor(next() * 3) };
    if (r < 0.84) return "cancel";
    if (r < 0.87) return "cancel all";
    return "wait";
  });
}

/** The status a message must end with, given what became of its run (and any question it asked) on the server. */
function expectedStatus(run: SimRun | undefined, message: OutgoingMessage): string {
  // Taken back: its run, if it had one, never started and was cancelled (never dropped as rejected).
  if (message.status === "withdrawn" && !run?.ran && (!run || run.stoppedBy === "cancel")) return "withdrawn";
  if (!run) return message.status === "withdrawn" ? "withdrawn" : "rejected";
  if (run.deleted) return "rolled_back";
  if (run.question) return run.question.answeredBy ? "answered" : run.question.droppedBy ? "dropped" : "waiting";
  if (run.status === "success") return "success";
  return "interrupted"; // interrupted, or error by a stop (rollback of a running run, a cancel)
}

async function play(seed: number) {
  const { server, session } = await simulatedSession();
  const events: Extract<SessionEvent, { type: "status" }>[] = [];
  session.subscribe((e) => void (e.type === "status" && events.push(e)));
  const plan = steps(seed, 16);
  let sent = 0;
  const takeBacks: Promise<unknown>[] = [];
  for (const step of plan) {
    if (step === "finish" || step === "ask") server.finishRunning(step === "ask");
    else if (step === "cancel") await session.cancel("running");
    else if (step === "cancel all") await session.cancel("all");
    else if (step === "wait") await sleep(2);
    else if ("withdraw" in step) {
      // A person takes back what they see queued (its create answered); not awaited: it races the steps after it.
      await sleep(3);
      const queued = session.getSnapshot().filter((m) => m.status === "pending" || m.status === "held");
      const index = queued.length ? queued[step.which % queued.length]?.index : sent - 1 - step.which;
      if (index !== undefined && index >= 0) takeBacks.push(session.withdraw(index, step.withdraw));
      await sleep(0);
    } else if ("answer" in step) {
      // Only while the agent waits and nothing queued would drop the question first (as the UI allows).
      if (session.getQuestion() && !session.questionRefusal()) {
        session.answer("yes", step.answer);
        sent++;
      }
      await sleep(0);
    } else {
      session.send(`message ${++sent}`, step.send);
      await sleep(0);
    }
  }
  // Let everything end: runs finish one by one until the server holds none in flight.
  const settled = (status: string) => FINAL.has(status as MessageStatus) || status === "waiting";
  for (let i = 0; i < 200 && (server.busy() || session.getSnapshot().some((m) => !settled(m.status))); i++) {
    server.finishRunning();
    await sleep(2);
  }
  await Promise.all(takeBacks);
  await Promise.race([session.whenIdle(), sleep(5000).then(() => Promise.reject(new Error(`seed ${seed}: never idle`)))]);
  session.close();
  return { server, session, events, sent, plan };
}

describe("a message's lifecycle under random double-texting (simulated JS server)", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    "seed %i: table kept, final stays final, causes true, nothing lost",
    async (seed) => {
      const { server, session, events, sent, plan } = await play(seed);
      const where = `seed ${seed}: ${JSON.stringify(plan)}`;
      expect(session.illegal.map(String), where).toEqual([]);
      // Nothing leaves a final status.
      const finalAt = new Map<number, number>();
      events.forEach((e, i) => {
        const index = e.message.index;
        expect(finalAt.has(index), `${where}: #${index + 1} moved after it was final`).toBe(false);
        if (FINAL.has(e.message.status)) finalAt.set(index, i);
      });
      // No message lost: every one sent is there, ended, and ended as the server has it.
      const messages = session.getSnapshot();
      expect(messages.length, where).toBe(sent);
      for (const m of messages) {
        const run = server.runs.find((r) => r.metadata.chat_client_id === m.clientId);
        expect(m.status, `${where}: #${m.index + 1}`).toBe(expectedStatus(run, m));
        // An answered or dropped question names the message whose run did it.
        const fate = run?.question?.answeredBy ?? run?.question?.droppedBy;
        if (fate) expect(m.by, `${where}: #${m.index + 1}'s question`).toBe(messages.find((o) => o.runId === fate)?.index);
        // Every stop names its cause, and the one the server knows.
        const stop = events.find(
          (e) => e.message.index === m.index && (e.cause.type === "stopped" || e.cause.type === "deleted"),
        )?.cause;
        if (!stop || (stop.type !== "stopped" && stop.type !== "deleted")) continue;
        const truth = run?.stoppedBy === "cancel" ? "cancel" : messages.find((o) => o.runId === run?.stoppedBy)?.index;
        const named = stop.cause.kind === "message" ? stop.cause.by : stop.cause.kind;
        expect(named, `${where}: #${m.index + 1} stopped by ${String(truth)}, named ${String(named)}`).toBe(truth);
      }
    },
  );
});
