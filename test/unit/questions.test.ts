// Whose question is it: a run whose stream was left before it said it asked is taken to have asked
// only if the waiting thread's last checkpoint is its own, not a later run's that started and asked.
import { describe, expect, it } from "vitest";
import { Questions } from "../../src/engine/questions.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

function questions(lastCheckpointBy: string | undefined) {
  const message = { index: 0, runId: "run-1", kind: "message", status: "running" } as OutgoingMessage;
  return new Questions({
    get: () => message,
    apply: () => {},
    emit: () => {},
    laterInFlight: () => undefined,
    readThread: async () => ({ status: "interrupted", interrupts: { task: [{ id: "i1", value: "ok?" }] } }),
    readState: async () => ({ tasks: [], metadata: lastCheckpointBy ? { run_id: lastCheckpointBy } : {} }),
  });
}

describe("a run's question, read from the thread after its stream was left", () => {
  it("is the run's when the thread's last checkpoint is the run's own", async () => {
    expect(await questions("run-1").wasAsked(0)).toBe(true);
  });

  it("is not, when a later run wrote the last checkpoint (it started, then asked)", async () => {
    expect(await questions("run-2").wasAsked(0)).toBe(false);
  });

  it("a server that does not say who wrote the checkpoint: the thread's word is taken", async () => {
    expect(await questions(undefined).wasAsked(0)).toBe(true);
  });
});
