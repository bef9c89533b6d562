// The status facts every face reads: what is final, what is a refusal, and how each is worded.
import { expect, it } from "vitest";
import { MESSAGE_STATUSES, STATUS, isRefused, isTerminal, statusLabel } from "../../src/engine/status.js";

it("only held, sending, pending and running are still on their way", () => {
  expect(MESSAGE_STATUSES.filter((s) => !isTerminal(s))).toEqual(["held", "sending", "pending", "running"]);
});

it("what stays in the queue until the user acts: refusals, runs of unknown fate, a dropped question, and a question waiting for its answer", () => {
  expect(MESSAGE_STATUSES.filter((s) => STATUS[s].stays)).toEqual(["rejected", "failed", "unknown", "waiting", "dropped"]);
});

it("refusals (never became a run, kept until dismissed) are exactly rejected and failed", () => {
  expect(MESSAGE_STATUSES.filter(isRefused)).toEqual(["rejected", "failed"]);
  expect(MESSAGE_STATUSES.filter((s) => isRefused(s) && !isTerminal(s))).toEqual([]);
});

it("every status has its own words, and every final one a mark in place of the spinner", () => {
  expect(new Set(MESSAGE_STATUSES.map(statusLabel)).size).toBe(MESSAGE_STATUSES.length);
  expect(statusLabel("rolled_back")).toBe("rolled back");
  expect(MESSAGE_STATUSES.filter((s) => isTerminal(s) && !STATUS[s].mark)).toEqual([]);
  expect(MESSAGE_STATUSES.filter((s) => !STATUS[s].event)).toEqual(["sending"]);
  expect(statusLabel("waiting")).toBe("waiting for input");
});
