// How the live region shares a small window: wrapping by display width, the queue summarised,
// the stream's newest lines kept, the input wrapped under its text. Pure.
import { describe, expect, it } from "vitest";
import { flowHeight, shareWindow, tail, wrapLines } from "../../src/interactive/layout.js";
import { fitQueue, restSummary } from "../../src/interactive/components/Queue.js";
import { inputRows } from "../../src/interactive/components/Input.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

const msg = (index: number, status: OutgoingMessage["status"], detail?: string): OutgoingMessage => ({
  index,
  clientId: "c",
  messageId: "m",
  text: `message ${index}`,
  kind: "message",
  strategy: "enqueue",
  status,
  sentAt: 0,
  ...(detail ? { detail } : {}),
});

describe("wrapping by display width", () => {
  it("breaks at the width, counts wide characters as two columns, keeps empty lines", () => {
    expect(wrapLines("abcdef\n\nxy", 4)).toEqual(["abcd", "ef", "", "xy"]);
    expect(wrapLines("漢字漢字", 5)).toEqual(["漢字", "漢字"]);
  });

  it("breaks between words as the transcript does, inside a word only when it is wider than a line", () => {
    expect(wrapLines("an answer from a fake model", 10)).toEqual(["an answer", "from a", "fake model"]);
    expect(wrapLines("It's 53°F (12°C) and partly cloudy in New York", 36)).toEqual([
      "It's 53°F (12°C) and partly cloudy",
      "in New York",
    ]);
    expect(wrapLines("see https://weather.example/new-york-city", 12)).toEqual([
      "see",
      "https://weat",
      "her.example/",
      "new-york-cit",
      "y",
    ]);
    expect(wrapLines("漢字 漢字漢字", 5)).toEqual(["漢字", "漢字", "漢字"]);
  });

  it("a flex row of words wraps as Ink's does", () => {
    expect(flowHeight(["local", "·", "agent", "·", "thread 1234abcd"], 40)).toBe(1);
    expect(flowHeight(["local", "·", "agent", "·", "thread 1234abcd"], 16)).toBe(2);
    expect(flowHeight(["local", "·", "agent", "·", "thread 1234abcd"], 12)).toBe(3);
  });
});

describe("sharing the window", () => {
  it("everything fits: each gets what it wants, with one line kept free", () => {
    expect(shareWindow(24, 2, 3, 8)).toEqual({ queue: 3, live: 8 });
  });

  it("too tall: the queue keeps a few lines, the live run the rest, and the total stays under the window", () => {
    const b = shareWindow(12, 2, 40, 30);
    expect(b.queue).toBeGreaterThanOrEqual(2);
    expect(b.queue + b.live + 2).toBeLessThanOrEqual(11);
    expect(tail([1, 2, 3, 4, 5], 2)).toEqual([4, 5]);
  });

  it("a queue that does not fit shows what fits and one line for the rest, by status", () => {
    const queue = [msg(0, "running"), msg(1, "rejected", "no"), msg(2, "pending"), msg(3, "pending"), msg(4, "rejected", "no")];
    const { shown, rest } = fitQueue(queue, 3);
    expect(shown.map((m) => m.index)).toEqual([0, 2]);
    expect(restSummary(rest)).toBe("… 3 more: 1 pending, 2 rejected");
    expect(fitQueue(queue, 99).rest).toEqual([]);
  });

  it("the run in progress comes first, then what waits, then what finished, even behind rejected and finished rows", () => {
    const queue = [
      msg(0, "success"),
      msg(1, "rejected", "Thread is already running a task"),
      msg(2, "success"),
      msg(3, "waiting", "book_table?"),
      msg(4, "running"),
      msg(5, "pending"),
      msg(6, "held"),
    ];
    expect(fitQueue(queue, 99).shown.map((m) => m.index)).toEqual([3, 4, 5, 6, 0, 1, 2]);
    const { shown, rest } = fitQueue(queue.slice(0, 3).concat(queue.slice(4)), 3);
    expect(shown.map((m) => m.index)).toEqual([4, 5]);
    expect(restSummary(rest)).toBe("… 4 more: 1 held, 2 success, 1 rejected");
  });
});

describe("the input line", () => {
  it("wraps long text into rows under the text, the cursor cell marked where it is", () => {
    expect(inputRows({ value: "abcdefg", cursor: 3 }, 4)).toEqual([
      { before: "abc", cursor: "d", after: "" },
      { before: "efg", cursor: undefined, after: "" },
    ]);
    expect(inputRows({ value: "ab\ncd", cursor: 5 }, 10)).toEqual([
      { before: "ab", cursor: undefined, after: "" },
      { before: "cd", cursor: " ", after: "" },
    ]);
  });

  it("puts the cursor after an emoji where it is (the cursor counts UTF-16 units)", () => {
    expect(inputRows({ value: "😀a", cursor: 3 }, 20)).toEqual([{ before: "😀a", cursor: " ", after: "" }]);
    expect(inputRows({ value: "😀a", cursor: 2 }, 20)).toEqual([{ before: "😀", cursor: "a", after: "" }]);
  });

  it("shows control characters neutralised, never raw", () => {
    expect(inputRows({ value: "a\x1bb", cursor: 0 }, 20)[0]).toEqual({ before: "", cursor: "a", after: "\\x1bb" });
  });
});
