import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { DemoView, fitLane } from "../../src/demo/DemoView.js";
import { elide } from "../../src/interactive/layout.js";
import { deviation, explain } from "../../src/demo/explain.js";
import { compactMessage, demoSummary, laneSummary } from "../../src/demo/summary.js";
import { parseStrategies } from "../../src/commands/demo.js";
import type { LaneResult } from "../../src/demo/lane.js";
import type { LaneView } from "../../src/demo/lanes-store.js";

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
  /** Every strategy's lane with the same entries. */
  const fourLanes = (entries: LaneView["entries"], done: boolean): LaneView[] =>
    (["reject", "interrupt", "rollback", "enqueue"] as const).map((strategy) => ({ strategy, entries, done }));

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

  it("four lanes of 14 entries fit a 100x30 window: each keeps its first and newest entries, the middle elided", () => {
    const entries = Array.from({ length: 14 }, (_, i) => ({ t: i * 100, run: 1 as const, what: `step ${i + 1}` }));
    const frame = render(<DemoView columns={100} rows={30} lanes={fourLanes(entries, false)} />).lastFrame() ?? "";
    expect(frame.split("\n").length).toBeLessThan(30);
    expect(frame).toContain("#1 step 14");
    expect(frame).toMatch(/#1 step 1 /);
    expect(frame).toMatch(/… \d+ more/);
  });

  it("at 80x24, the two messages once at the top; model and tool steps give way before any lane loses its first or last line", () => {
    const at = (t: number, run: 1 | 2, what: string) => ({ t, run, what });
    const interrupt = [
      at(30, 1, "created, pending"),
      at(70, 1, "running"),
      at(1100, 1, "model step"),
      at(2130, 1, "tool call answered"),
      at(2130, 2, "sent with interrupt"),
      at(2160, 2, "created, pending"),
      at(2220, 1, "interrupted"),
      at(2240, 2, "running"),
      at(3200, 2, "model step"),
      at(4200, 2, "tool call answered"),
      at(5200, 2, "model step"),
      at(5280, 2, "finished"),
    ];
    const texts = ["what's the weather in sf?", "what's the weather in nyc?"] as const;
    const frame = render(<DemoView columns={80} rows={24} lanes={fourLanes(interrupt, true)} texts={texts} />).lastFrame() ?? "";
    const lines = frame.split("\n");
    expect(lines.length).toBeLessThan(24);
    expect(lines[0]).toContain('#1 "what\'s the weather in sf?"');
    expect(lines[1]).toContain('#2 "what\'s the weather in nyc?"');
    expect(frame.split("what's the weather in sf?").length).toBe(2);
    for (const line of [
      "0.03s  #1 created, pending",
      "2.13s  #2 sent with interrupt",
      "2.22s  #1 interrupted",
      "5.28s  #2 finished",
    ])
      expect(frame.split(line).length, line).toBe(5);
    expect(frame).toContain("interrupt ✓ (5 steps not shown)");
    expect(frame).not.toContain("model step");
  });

  it("a lane that still does not fit keeps its first line and its newest, with one line for the rest", () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ t: i, run: 2 as const, what: `event ${i + 1}` }));
    const { lines, steps } = fitLane(entries, 5);
    expect(steps).toBe(0);
    expect(lines.map((l) => ("gap" in l ? `… ${l.gap}` : l.what))).toEqual(["event 1", "event 2", "… 6", "event 9", "event 10"]);
    expect(fitLane(entries, 99).lines).toEqual(entries);
    expect(elide([1, 2, 3], 1, () => 0)).toEqual([3]);
    expect(elide([1, 2, 3], 2, () => 0)).toEqual([1, 3]);
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
