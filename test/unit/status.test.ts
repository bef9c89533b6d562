// The engine's status facts (what is settled, what is a refusal), how the faces word each, and
// what the Ink queue keeps.
import { describe, expect, it } from "vitest";
import { MESSAGE_STATUSES, isRefused, isTerminal } from "../../src/engine/status.js";
import { transition } from "../../src/engine/lifecycle.js";
import type { OutgoingMessage } from "../../src/engine/types.js";
import { STATUS_LOOKS, outcomeLabel, statusLabel } from "../../src/faces/status-looks.js";
import { staysInQueue } from "../../src/interactive/queue-rules.js";
import { hasDetailLine, restSummary } from "../../src/interactive/components/Queue.js";
import { Transcript } from "../../src/interactive/transcript.js";
import { plainTheme } from "../../src/pretty-print/pretty.js";
import { jsonEvent, statusLine } from "../../src/scripted/report.js";

it("only held, sending, pending and running are still on their way", () => {
  expect(MESSAGE_STATUSES.filter((s) => !isTerminal(s))).toEqual(["held", "sending", "pending", "running"]);
});

it("what stays in the queue until the user acts: refusals, runs of unknown fate, a dropped question, and a question waiting for its answer", () => {
  expect(MESSAGE_STATUSES.filter(staysInQueue)).toEqual(["rejected", "failed", "unknown", "waiting", "dropped"]);
});

it("refusals (never became a run, kept until dismissed) are exactly rejected and failed", () => {
  expect(MESSAGE_STATUSES.filter(isRefused)).toEqual(["rejected", "failed"]);
  expect(MESSAGE_STATUSES.filter((s) => isRefused(s) && !isTerminal(s))).toEqual([]);
});

it("every status has its own words, and every final one a mark in place of the spinner", () => {
  expect(new Set(MESSAGE_STATUSES.map(statusLabel)).size).toBe(MESSAGE_STATUSES.length);
  expect(statusLabel("rolled_back")).toBe("rolled back");
  expect(MESSAGE_STATUSES.filter((s) => isTerminal(s) && !STATUS_LOOKS[s].mark)).toEqual([]);
  expect(MESSAGE_STATUSES.filter((s) => !STATUS_LOOKS[s].event)).toEqual(["sending"]);
  expect(statusLabel("waiting")).toBe("waiting for input");
});

describe("one word per outcome, in the queue, the transcript, stderr and --json alike", () => {
  const running = {
    index: 1,
    clientId: "c",
    messageId: "m",
    text: "hi",
    kind: "message",
    strategy: "enqueue",
    sentAt: 0,
  } as const;
  const sent = (status: "pending" | "running"): OutgoingMessage => ({ ...running, status, runId: "r2" });
  const byInterrupt = { kind: "message", by: 3, strategy: "interrupt" } as const;
  const cases: Array<[string, OutgoingMessage, string, string]> = [
    [
      "interrupted",
      transition(sent("running"), { type: "stopped", cause: byInterrupt, detail: "interrupted by #4 (interrupt)" }),
      "#2 interrupted by #4 (interrupt)",
      "[2] interrupted by #4 (interrupt)",
    ],
    [
      "cancelled",
      transition(sent("running"), { type: "stopped", cause: { kind: "cancel" }, detail: "cancelled" }),
      "#2 cancelled",
      "[2] cancelled",
    ],
    [
      "never ran",
      transition(sent("pending"), { type: "stopped", cause: byInterrupt, detail: "interrupted by #4 (interrupt)" }),
      "#2 never ran: interrupted by #4 (interrupt)",
      "[2] never ran: interrupted by #4 (interrupt)",
    ],
    [
      "never ran",
      transition(sent("pending"), { type: "stopped", cause: { kind: "cancel" }, detail: "cancelled" }),
      "#2 never ran: cancelled",
      "[2] never ran: cancelled",
    ],
    [
      "stopped",
      transition(sent("running"), {
        type: "stopped",
        cause: { kind: "message", by: 3, strategy: "rollback" },
        detail: "rollback requested by #4: the server stopped the run but kept its output",
      }),
      "#2 stopped: rollback requested by #4: the server stopped the run but kept its output",
      "[2] stopped: rollback requested by #4: the server stopped the run but kept its output",
    ],
    [
      "stopped",
      transition(sent("running"), { type: "stopped", cause: { kind: "other" }, detail: "stopped by another client's run" }),
      "#2 stopped by another client's run",
      "[2] stopped by another client's run",
    ],
    [
      "rolled back",
      transition(sent("pending"), {
        type: "deleted",
        cause: { kind: "message", by: 3, strategy: "rollback" },
        detail: "deleted by #4 (rollback)",
      }),
      '#2 "hi" rolled back: deleted by #4 (rollback)',
      "[2] rolled back: deleted by #4 (rollback)",
    ],
  ];
  const transcript = new Transcript(() => plainTheme);

  it.each(cases)("%s: %s", (word, m, line, stderr) => {
    expect(outcomeLabel(m)).toBe(word);
    expect(restSummary([m])).toBe(`… 1 more: 1 ${word}`);
    expect(transcript.stopped(m).text).toBe(`${line} (Ctrl+R to bring it back)`);
    expect(statusLine(m)).toBe(stderr);
    // --json keeps its status and adds the word.
    const cause = { type: "stopped", cause: { kind: "other" }, detail: "" } as const;
    expect(jsonEvent({ type: "status", message: m, from: "running", cause }, "t", () => "r2")).toMatchObject({
      status: m.status,
      label: word,
    });
  });

  it("a row whose word says it all has no second line; one with more to say has", () => {
    expect(hasDetailLine(cases[1]![1])).toBe(false);
    expect(hasDetailLine(cases[2]![1])).toBe(true);
    expect(statusLabel("withdrawn")).toBe("taken back");
  });
});
