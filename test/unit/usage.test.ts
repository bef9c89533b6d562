// The tokens a run used: the sum of its AI messages' usage_metadata, and how each face says it.
import { describe, expect, it } from "vitest";
import { addUsage, usageOf } from "../../src/engine/usage.js";
import { jsonEvent, statusLine } from "../../src/scripted/report.js";
import { statusParts } from "../../src/interactive/status-parts.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

const ai = (usage: unknown) => ({ type: "ai", content: "x", usage_metadata: usage });

describe("a run's token usage", () => {
  it("sums input, output and total over AI messages only; none reported is undefined", () => {
    const messages = [
      { type: "human", content: "hi", usage_metadata: { input_tokens: 99, output_tokens: 99, total_tokens: 198 } },
      ai({ input_tokens: 7, output_tokens: 9, total_tokens: 16 }),
      { type: "tool", content: "r" },
      ai({ input_tokens: 20, output_tokens: 5, total_tokens: 25 }),
    ];
    expect(usageOf(messages)).toEqual({ input_tokens: 27, output_tokens: 14, total_tokens: 41 });
    expect(usageOf([{ type: "ai", content: "no usage" }])).toBeUndefined();
    expect(usageOf([])).toBeUndefined();
  });

  it("a malformed count counts as none, and a missing total is input plus output", () => {
    expect(usageOf([ai({ input_tokens: "7", output_tokens: -3, total_tokens: null })])).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      total_tokens: 0,
    });
    expect(usageOf([ai({ input_tokens: 4, output_tokens: 6 })])).toEqual({ input_tokens: 4, output_tokens: 6, total_tokens: 10 });
    expect(usageOf([ai("lots")])).toBeUndefined();
    expect(addUsage(undefined, undefined)).toBeUndefined();
  });

  it("is on the status line and the --json finished event (null when the model reports none)", () => {
    const usage = { input_tokens: 35, output_tokens: 23, total_tokens: 58 };
    const finished = { type: "finished", status: "success", serverStatus: "success" } as const;
    const m = { index: 0, status: "success", strategy: "enqueue", text: "hi", runId: "r1", usage } as OutgoingMessage;
    expect(statusLine(m)).toBe("[1] success · 58 tokens (35 in, 23 out)");
    expect(jsonEvent({ type: "status", message: m, from: "running", cause: finished }, "t", () => "r1")).toMatchObject({
      type: "finished",
      usage,
    });
    const none = { ...m, usage: undefined };
    expect(statusLine(none)).toBe("[1] success");
    expect(jsonEvent({ type: "status", message: none, from: "running", cause: finished }, "t", () => "r1")).toMatchObject({
      type: "finished",
      usage: null,
    });
  });

  it("the thread's total is in the status bar once there is one", () => {
    const bar = {
      deployment: "local",
      assistant: "agent",
      threadId: "01a2",
      strategy: "enqueue" as const,
      connection: "connected" as const,
    };
    expect(statusParts({ ...bar, tokens: 162 }).map((p) => p.text)).toContain("162 tokens");
    expect(
      statusParts(bar)
        .map((p) => p.text)
        .join(" "),
    ).not.toMatch(/tokens/);
  });
});
