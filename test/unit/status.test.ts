// The engine's status facts (what is settled, what is a refusal), how the faces word each, and
// what the Ink queue keeps.
import { expect, it } from "vitest";
import { MESSAGE_STATUSES, isRefused, isTerminal } from "../../src/engine/status.js";
import { STATUS_LOOKS, statusLabel } from "../../src/faces/status-looks.js";
import { staysInQueue } from "../../src/interactive/queue-rules.js";

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
