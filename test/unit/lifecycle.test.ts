// The lifecycle table: which named event may move a message from which status, and what each
// records. Pure: (message, event) -> message.
import { describe, expect, it } from "vitest";
import { FINAL, IllegalTransition, TRANSITIONS, born, transition, type LifecycleEvent } from "../../src/engine/lifecycle.js";
import { MESSAGE_STATUSES, type MessageStatus } from "../../src/engine/status.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

const fields = { index: 0, clientId: "c", messageId: "m", text: "hi", kind: "message", strategy: "enqueue" } as const;
const at = (status: MessageStatus, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  ...fields,
  status,
  sentAt: 1,
  ...extra,
});

/** One event of each kind that moves a message (births aside). */
const MOVES: LifecycleEvent[] = [
  { type: "released" },
  { type: "created", runId: "r1" },
  { type: "rejected", httpStatus: 422, detail: "busy" },
  { type: "failed", detail: "refused" },
  { type: "lost", detail: "no contact" },
  { type: "refollowed", detail: "back" },
  { type: "started" },
  { type: "finished", status: "success", serverStatus: "success" },
  { type: "stopped", cause: { kind: "message", by: 1, strategy: "interrupt" }, detail: "interrupted by #2 (interrupt)" },
  { type: "deleted", cause: { kind: "message", by: 1, strategy: "rollback" }, detail: "deleted by #2 (rollback)" },
  { type: "asked", interrupts: [{ id: "i", value: "ok?" }], serverStatus: "success" },
  { type: "answered", by: 2 },
  { type: "dropped", by: 2, detail: "#3 ran as a new message" },
  { type: "withdrawn", how: "unsend" },
];

describe("the lifecycle table", () => {
  it("allows each event from exactly the statuses its row names, and throws for every other", () => {
    for (const event of MOVES) {
      for (const status of MESSAGE_STATUSES) {
        const allowed = (TRANSITIONS[event.type].from as readonly string[]).includes(status);
        const move = () => transition(at(status), event, 5);
        if (allowed) expect(move, `${event.type} from ${status}`).not.toThrow();
        else expect(move, `${event.type} from ${status}`).toThrow(IllegalTransition);
      }
    }
  });

  it("final statuses are those no event leaves; unknown and waiting may still move", () => {
    expect([...FINAL].sort()).toEqual([
      "answered",
      "dropped",
      "error",
      "failed",
      "interrupted",
      "rejected",
      "rolled_back",
      "success",
      "withdrawn",
    ]);
    expect(transition(at("unknown", { finishedAt: 3 }), { type: "refollowed", detail: "back" }, 9)).toMatchObject({
      status: "running",
      finishedAt: undefined,
    });
  });

  it("a message is born held, sending, or as a found run pending or running; a birth event never moves one", () => {
    expect(born(fields, { type: "held" }, 7)).toMatchObject({ status: "held", sentAt: 7 });
    expect(born(fields, { type: "sent" }).status).toBe("sending");
    expect(born(fields, { type: "adopted", status: "running" }).status).toBe("running");
    expect(() => transition(at("held"), { type: "sent" })).toThrow(IllegalTransition);
  });

  it("a run that asked keeps its own outcome apart from its question, answered or dropped", () => {
    const waiting = transition(
      at("running"),
      MOVES.find((e) => e.type === "asked")!,
      4,
    );
    expect(waiting).toMatchObject({ status: "waiting", outcome: "success", question: "waiting", finishedAt: 4 });
    const answered = transition(waiting, { type: "answered", by: 2 }, 8);
    expect(answered).toMatchObject({ status: "answered", outcome: "success", question: "answered", by: 2, finishedAt: 4 });
    expect(answered.detail).toBe("answered by #3");
    expect(transition(waiting, { type: "dropped", by: 3, detail: "x" })).toMatchObject({
      outcome: "success",
      question: "dropped",
    });
  });

  it("a stop records who caused it; a create, the run and when", () => {
    const stop = MOVES.find((e) => e.type === "stopped")!;
    expect(transition(at("running"), stop)).toMatchObject({ status: "interrupted", outcome: "interrupted", by: 1 });
    const cancel = { type: "stopped", cause: { kind: "cancel" }, detail: "cancelled" } as const;
    expect(transition(at("pending"), cancel).by).toBeUndefined();
    expect(transition(at("sending"), { type: "created", runId: "r9" }, 11)).toMatchObject({
      status: "pending",
      runId: "r9",
      createdAt: 11,
    });
  });
});
