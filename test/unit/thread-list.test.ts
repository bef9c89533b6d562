// /threads' list and the status bar's thread: what people see to tell threads apart and pick one.
import { describe, expect, it } from "vitest";
import { ago, pick, threadListText } from "../../src/interactive/thread-list.js";
import { statusParts } from "../../src/interactive/status-parts.js";

const A = "01a24930-381f-74c9-a331-9da2eb60c39b";
const twin = "01a24930-4000-7000-8000-00aaeb60c39b"; // ends like A for 8 characters

describe("the status bar's thread", () => {
  const bar = { deployment: "local", assistant: "agent", strategy: "enqueue", connection: "connected" } as const;
  const thread = (knownThreads?: string[]) =>
    statusParts({ ...bar, threadId: A, knownThreads }).find((p) => p.text.startsWith("thread "))?.text;

  it("is the id's last 8 characters, not its first (the same for every thread of a minute)", () => {
    expect(thread()).toBe("thread eb60c39b");
  });

  it("is longer when a recent thread's id ends the same way", () => {
    expect(thread([A, twin])).toBe("thread 2eb60c39b");
  });
});

describe("/threads", () => {
  it("says when there are no threads", () => {
    expect(threadListText([], A, [], 0)).toBe("no threads on this deployment yet (/new starts one)");
  });

  it("tells the listed threads apart among all recent ones, not only the listed", () => {
    const row = { thread_id: A, status: "idle", updated_at: "2026-12-06T02:30:00.000Z", last_message: "hi\nthere" };
    const now = Date.parse(row.updated_at) + 5_000;
    expect(threadListText([row], "other", [A, twin], now).split("\n")[1]).toBe("  1  2eb60c39b  idle  5s ago  hi there");
  });

  it("says a last update as seconds, minutes or hours ago, else its date", () => {
    const at = Date.parse("2026-12-06T02:30:00.000Z");
    const when = (ms: number) => ago("2026-12-06T02:30:00.000Z", at + ms);
    expect([when(-3000), when(59_000), when(60_000), when(7_200_000), when(90_000_000)]).toEqual([
      "0s ago",
      "59s ago",
      "1m ago",
      "2h ago",
      "2026-12-06",
    ]);
    expect(ago("not a date", at)).toBe("not a date");
  });

  it("/thread <n> picks from the last list, and says why it cannot", () => {
    expect(pick([A, twin], 2)).toEqual({ id: twin });
    expect(pick([A, twin], 3)).toEqual({ problem: "no thread 3 in the last /threads list (1-2)" });
    expect(pick([], 1)).toEqual({ problem: "no thread 1 in the last /threads list (it was empty)" });
    expect(pick(undefined, 1)).toMatchObject({ problem: expect.stringMatching(/^nothing listed to pick 1 from/) });
  });
});

it("/threads keeps its columns aligned past 9 threads, the one in view marked", () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({
    thread_id: `01a24930-0000-7000-8000-0000000000${String(i).padStart(2, "0")}`,
    status: "idle",
    updated_at: "2026-12-06T02:30:00.000Z",
    last_message: null,
  }));
  const lines = threadListText(rows, rows[9]?.thread_id ?? "", [], Date.parse("2026-12-06T02:30:00.000Z")).split("\n");
  expect(lines[1]).toBe("   1  00000000  idle  0s ago");
  expect(lines[10]).toBe("* 10  00000009  idle  0s ago");
});
