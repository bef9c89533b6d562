// Why a run stopped early: a later message of ours is named only when what the server did fits
// its strategy; otherwise, on a shared thread, another client's run stopped it.
import { describe, expect, it } from "vitest";
import { stoppedReport } from "../../src/engine/stopped.js";
import { endWithOutput } from "../../src/engine/run-messages.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

const msg = (index: number, strategy: OutgoingMessage["strategy"], extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  index,
  clientId: `c${index}`,
  messageId: `m${index}`,
  text: `#${index + 1}`,
  kind: "message",
  strategy,
  status: "running",
  runId: `r${index}`,
  sentAt: 0,
  ...extra,
});

describe("why a run stopped", () => {
  it("our interrupt, and the server says interrupted: named", () => {
    const report = stoppedReport(
      { kind: "stopped", deleted: false, serverStatus: "interrupted" },
      0,
      [msg(0, "enqueue"), msg(1, "interrupt")],
      undefined,
    );
    expect(report).toMatchObject({
      type: "stopped",
      cause: { kind: "message", by: 1, strategy: "interrupt" },
      detail: "interrupted by #2 (interrupt)",
    });
  });

  it("our rollback, but the server says interrupted (an interrupt did it): not named, another client's", () => {
    const report = stoppedReport(
      { kind: "stopped", deleted: false, serverStatus: "interrupted" },
      0,
      [msg(0, "enqueue"), msg(1, "rollback")],
      undefined,
    );
    expect(report).toEqual({
      type: "stopped",
      cause: { kind: "other" },
      serverStatus: "interrupted",
      detail: "stopped by another client's run",
    });
  });

  it("our rollback and a stop that ended error (the JS server's rollback of a running run): named, output kept", () => {
    const report = stoppedReport(
      { kind: "stopped", deleted: false, serverStatus: "error" },
      0,
      [msg(0, "enqueue"), msg(1, "rollback")],
      undefined,
    );
    expect(report).toMatchObject({
      type: "stopped",
      cause: { kind: "message", by: 1, strategy: "rollback" },
      detail: "rollback requested by #2: the server stopped the run but kept its output",
    });
  });

  it("our interrupt, but the run is gone (a rollback deleted it): not ours, so it is failed as gone", () => {
    const report = stoppedReport({ kind: "stopped", deleted: true }, 0, [msg(0, "enqueue"), msg(1, "interrupt")], undefined);
    expect(report).toMatchObject({ type: "failed", detail: expect.stringMatching(/gone from the server/) });
  });

  it("of several later messages, the one whose strategy fits what the server did is named", () => {
    const report = stoppedReport(
      { kind: "stopped", deleted: true },
      0,
      [msg(0, "enqueue"), msg(1, "interrupt"), msg(2, "rollback")],
      undefined,
    );
    expect(report).toMatchObject({
      type: "deleted",
      cause: { kind: "message", by: 2, strategy: "rollback" },
      detail: "deleted by #3 (rollback)",
    });
  });

  it("another client's run with a stopping strategy is never named as the cause; a cancel of ours is said as such", () => {
    const theirs = msg(1, "interrupt", { found: true });
    const stopped = { kind: "stopped", deleted: false, serverStatus: "interrupted" } as const;
    expect(stoppedReport(stopped, 0, [msg(0, "enqueue"), theirs], undefined)).toMatchObject({
      cause: { kind: "other" },
      detail: "stopped by another client's run",
    });
    expect(stoppedReport(stopped, 0, [msg(0, "enqueue")], { after: new Set([0]) })).toMatchObject({
      cause: { kind: "cancel" },
      detail: "cancelled",
    });
  });

  it("a run we cancelled is put down to a later interrupt only if that run was made before the cancel went out", () => {
    const stopped = { kind: "stopped", deleted: false, serverStatus: "error" } as const;
    const messages = [msg(0, "enqueue"), msg(1, "rollback")];
    expect(stoppedReport(stopped, 0, messages, { after: new Set([0]) })).toMatchObject({ cause: { kind: "cancel" } });
    expect(stoppedReport(stopped, 0, messages, { after: new Set([0, 1]) })).toMatchObject({
      cause: { kind: "message", by: 1, strategy: "rollback" },
    });
  });
});

describe("what a stopped run left", () => {
  it("its stopped event carries the messages its own run kept (not others'), with the tokens; a finished one only the tokens", () => {
    const ours = [{ type: "human", id: "h1", content: "hi" }];
    const output = {
      events: [
        { type: "messages", index: 0, messages: [{ type: "ai", id: "x", content: "theirs" }], byOthers: true },
        { type: "messages", index: 0, messages: ours },
      ] as const,
      usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 },
    };
    const stop = { type: "stopped", cause: { kind: "cancel" }, detail: "cancelled" } as const;
    expect(endWithOutput(stop, output)).toEqual({ ...stop, usage: output.usage, kept: ours });
    expect(endWithOutput(stop, { events: [] })).toEqual({ ...stop, kept: [] });
    const done = { type: "finished", status: "success", serverStatus: "success" } as const;
    expect(endWithOutput(done, output)).toEqual({ ...done, usage: output.usage });
  });
});
