import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { DemoView } from "../../src/demo/DemoView.js";
import { deviation, explain } from "../../src/demo/explain.js";
import { compactMessage, demoSummary, laneSummary } from "../../src/demo/summary.js";
import { parseStrategies } from "../../src/commands/demo.js";
import type { LaneResult } from "../../src/demo/lane.js";

const base: LaneResult = {
  strategy: "rollback",
  threadId: "t-1",
  timeline: [
    { t: 40, run: 1, what: "created, pending" },
    { t: 60, run: 2, what: "sent with rollback" },
    { t: 900, run: 1, what: "deleted (rolled back)" },
  ],
  statuses: ["rolled_back", "success"],
  labels: ["rolled back", "success"],
  details: [undefined, undefined],
  serverStatuses: [undefined, "success"],
  firstWhenSecondSent: "pending",
  toolCallBeforeSecond: false,
  messages: [
    { type: "human", id: "h2", content: "what's the weather in nyc?" },
    { type: "ai", id: "a2", content: "", tool_calls: [{ name: "search", args: { query: "weather in nyc" }, id: "c" }] },
  ],
  leftBy: [0, 2],
};

describe("demo summaries come from what was observed", () => {
  it("a pending first run deleted by rollback, as documented", () => {
    expect(explain(base)).toBe(
      "The first run was deleted before it started and left nothing in the thread; the second run completed (2 messages).",
    );
    expect(deviation(base)).toBeUndefined();
  });

  it("a second message accepted under reject is flagged as differing from the docs", () => {
    const lane: LaneResult = {
      ...base,
      strategy: "reject",
      statuses: ["success", "success"],
      firstWhenSecondSent: "running",
      leftBy: [4, 4],
    };
    expect(deviation(lane)).toMatch(/documented: the second message is rejected; here it was accepted/);
  });

  it("a first run that finished before the second was sent is not double-texting", () => {
    expect(deviation({ ...base, firstWhenSecondSent: "success" })).toMatch(/already finished/);
  });

  it("prints each lane's timeline, statuses, compact thread and the sentence", () => {
    const text = demoSummary([base]);
    expect(text).toContain("== rollback == thread t-1");
    expect(text).toContain("  0.90s  #1 deleted (rolled back)");
    expect(text).toContain("runs: #1 rolled back · #2 success");
    expect(text).toContain("    ai     → search(weather in nyc)");
    expect(text).toContain("what happened: The first run was deleted before it started");
    expect(compactMessage({ type: "tool", content: "x\x1b[2Jy" })).toBe("tool   x\\x1b[2Jy");
  });

  it("--strategies takes a subset and refuses unknown names", () => {
    expect(parseStrategies("reject, enqueue")).toEqual(["reject", "enqueue"]);
    expect(parseStrategies(undefined)).toEqual(["reject", "interrupt", "rollback", "enqueue"]);
    expect(() => parseStrategies("reject,yolo")).toThrow(/not yolo/);
  });
});

describe("the live demo view", () => {
  it("draws one lane per strategy with its timeline and a mark when done", () => {
    const { lastFrame } = render(
      <DemoView
        columns={160}
        lanes={[
          {
            strategy: "reject",
            entries: [
              { t: 10, run: 1, what: "created, pending" },
              { t: 700, run: 2, what: "rejected (HTTP 422)" },
            ],
            done: true,
          },
          { strategy: "enqueue", entries: [{ t: 20, run: 1, what: "running" }], done: false },
        ]}
      />,
    );
    const frame = lastFrame() ?? "";
    expect(frame).toMatch(/reject ✓/);
    expect(frame).toMatch(/enqueue …/);
    expect(frame).toContain("0.70s  #2 rejected (HTTP 422)");
    expect(frame).toContain("0.02s  #1 running");
  });

  it("four lanes of 14 entries fit a 100x30 window: each shows its newest entries", () => {
    const entries = Array.from({ length: 14 }, (_, i) => ({ t: i * 100, run: 1 as const, what: `step ${i + 1}` }));
    const lanes = (["reject", "interrupt", "rollback", "enqueue"] as const).map((strategy) => ({
      strategy,
      entries,
      done: false,
    }));
    const frame = render(<DemoView columns={100} rows={30} lanes={lanes} />).lastFrame() ?? "";
    expect(frame.split("\n").length).toBeLessThan(30);
    expect(frame).toContain("#1 step 14");
    expect(frame).not.toMatch(/#1 step 1 /);
  });

  it("at a terminal, the long sentences break between words, never inside one", () => {
    const lines = laneSummary(base, 40).split("\n");
    const start = lines.findIndex((l) => l.startsWith("  what happened: "));
    const wrapped = lines.slice(start).map((l) => l.trim());
    expect(wrapped.length).toBeGreaterThan(2);
    expect(wrapped.join(" ")).toBe(`what happened: ${explain(base)}`);
    for (const line of lines.slice(start)) expect(line.length).toBeLessThanOrEqual(40);
  });
});
