import { describe, expect, it } from "vitest";
import { nextStrategy, parseInput } from "../../src/interactive/commands.js";
import { EMPTY, edit, newlineInstead, setValue } from "../../src/interactive/editing.js";
import { NO_LIVE, liveLines, liveReducer, streamedNotKept } from "../../src/interactive/live.js";
import { eventPatch } from "../../src/interactive/session-events.js";
import { Transcript } from "../../src/interactive/transcript.js";
import type { ChatSnapshot } from "../../src/interactive/snapshot.js";
import { transition } from "../../src/engine/lifecycle.js";
import { plainTheme } from "../../src/pretty-print/pretty.js";
import { inQueue, queueMoving, unsettled } from "../../src/interactive/queue-rules.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

describe("input commands", () => {
  it("sends plain text and /<strategy> text with that strategy only", () => {
    expect(parseInput("hello there  ")).toEqual({ kind: "send", text: "hello there" });
    expect(parseInput("/interrupt stop, look at nyc instead")).toEqual({
      kind: "send",
      text: "stop, look at nyc instead",
      strategy: "interrupt",
      explicit: true,
    });
    expect(parseInput("//etc/hosts is a file")).toEqual({ kind: "send", text: "/etc/hosts is a file" });
    expect(parseInput("   ")).toBeUndefined();
  });

  it("parses the commands and answers anything else with a hint", () => {
    expect(parseInput("/strategy rollback")).toEqual({ kind: "strategy", strategy: "rollback" });
    expect(parseInput("/cancel")).toEqual({ kind: "cancel", scope: "running" });
    expect(parseInput("/cancel all")).toEqual({ kind: "cancel", scope: "all" });
    expect(parseInput("/thread abc")).toEqual({ kind: "thread", threadId: "abc" });
    expect(parseInput("/new")).toEqual({ kind: "new" });
    expect(parseInput("/quit")).toEqual({ kind: "quit" });
    expect(parseInput("/send hi there")).toEqual({ kind: "send", text: "hi there", explicit: true });
    expect(parseInput("/answer #2 yes")).toEqual({ kind: "answer", text: "yes", which: 2 });
    expect(parseInput("/approve")).toEqual({ kind: "answer", text: "", word: "approve" });
    expect(parseInput("/reject too dear")).toMatchObject({ kind: "send", strategy: "reject" });
    expect(parseInput("/continue")).toEqual({ kind: "continue" });
    expect(parseInput("/strategy nope")).toMatchObject({ kind: "hint", text: expect.stringMatching(/usage/) });
    expect(parseInput("/reject")).toMatchObject({ kind: "hint" });
    expect(parseInput("/frobnicate")).toMatchObject({
      kind: "hint",
      text: expect.stringMatching(/unknown command \/frobnicate/),
    });
  });

  it("Tab order is reject → interrupt → rollback → enqueue → reject", () => {
    expect(["reject", "interrupt", "rollback", "enqueue"].map((s) => nextStrategy(s as never))).toEqual([
      "interrupt",
      "rollback",
      "enqueue",
      "reject",
    ]);
  });
});

describe("line editing", () => {
  it("inserts at the cursor, moves, erases and clears", () => {
    let s = edit(EMPTY, "helo", {});
    s = edit(s, "", { leftArrow: true });
    s = edit(s, "l", {});
    expect(s).toEqual({ value: "hello", cursor: 4 });
    s = edit(s, "", { backspace: true });
    expect(s).toEqual({ value: "helo", cursor: 3 });
    s = edit(setValue("one two three"), "w", { ctrl: true });
    expect(s.value).toBe("one two ");
    expect(edit(s, "u", { ctrl: true })).toEqual(EMPTY);
  });

  it("turns a trailing backslash or Alt+Enter into a new line instead of sending", () => {
    expect(newlineInstead(setValue("first\\"), {})).toEqual({ value: "first\n", cursor: 6 });
    expect(newlineInstead(setValue("first"), { meta: true })).toEqual({ value: "first\n", cursor: 6 });
    expect(newlineInstead(setValue("first"), {})).toBeUndefined();
  });
});

describe("the live run", () => {
  const ai = (id: string, content: string, extra: object = {}) =>
    ["messages", [{ type: "ai", id, content, ...extra }, {}]] as const;

  it("accumulates streamed text per message and tool-call chunks by index", () => {
    let live = liveReducer(NO_LIVE, 0, ...ai("a1", "", { tool_call_chunks: [{ index: 0, name: "search", args: '{"query":' }] }));
    live = liveReducer(live, 0, ...ai("a1", "", { tool_call_chunks: [{ index: 0, args: '"sf"}' }] }));
    live = liveReducer(live, 0, "messages", [{ type: "tool", id: "t1", name: "search", content: "sunny" }, {}]);
    live = liveReducer(live, 0, ...ai("a2", "It's "));
    live = liveReducer(live, 0, ...ai("a2", "sunny."));
    const plain = { reasoning: "", media: [], ns: "" };
    expect(live.entries).toEqual([
      { id: "a1", role: "ai", text: "", calls: [{ name: "search", args: '{"query":"sf"}' }], ...plain },
      { id: "t1", role: "tool", text: "search: sunny", calls: [], ...plain },
      { id: "a2", role: "ai", text: "It's sunny.", calls: [], ...plain },
    ]);
  });

  it("starts afresh for the next run", () => {
    const first = liveReducer(NO_LIVE, 0, ...ai("a1", "one"));
    const second = liveReducer(first, 1, ...ai("b1", "two"));
    expect(second).toEqual({
      index: 1,
      entries: [{ id: "b1", role: "ai", text: "two", calls: [], reasoning: "", media: [], ns: "" }],
    });
  });

  it("a subagent streams under the parent's tool call, named by its agent, indented, as deepagents streams it", () => {
    // The event shapes a deepagents `task` run streams with subgraphs (measured on the real server).
    const ns = ["tools:bb9322ab-e5b9-538e-aaf7-cc6ab7967020"];
    const meta = { lc_agent_name: "researcher", langgraph_node: "model_request" };
    let live = liveReducer(
      NO_LIVE,
      0,
      ...ai("p1", "", { tool_call_chunks: [{ index: 0, name: "task", args: '{"subagent_type":"researcher"}' }] }),
    );
    live = liveReducer(live, 0, "messages", [{ type: "ai", id: "s1", content: "It is " }, meta], ns);
    live = liveReducer(live, 0, "messages", [{ type: "ai", id: "s1", content: "sunny." }, meta], ns);
    live = liveReducer(live, 0, "messages", [{ type: "ai", id: "g1", content: "inner" }, {}], ["weather_graph:1f2"]);
    live = liveReducer(live, 0, "messages", [{ type: "tool", id: "t1", name: "task", content: "It is sunny." }, {}]);
    expect(liveLines(live, 40).map((l) => [l.kind, l.text])).toEqual([
      ["call", '→ task({"subagent_type":"researcher"})'],
      ["agent", "  ↳ researcher"],
      ["text", "    It is sunny."],
      ["agent", "  ↳ weather_graph"],
      ["text", "    inner"],
      ["result", "← task: It is sunny."],
    ]);
  });

  it("tells streamed answer text the server did not keep from what it kept (by id, or by text), the graph's own only", () => {
    let live = liveReducer(NO_LIVE, 0, ...ai("a1", "", { tool_call_chunks: [{ index: 0, name: "search", args: "{}" }] }));
    live = liveReducer(live, 0, "messages", [{ type: "tool", id: "t1", name: "search", content: "sunny" }, {}]);
    live = liveReducer(live, 0, "messages", [{ type: "ai", id: "s1", content: "a subagent's" }, {}], ["tools:1"]);
    const toolCallKept = [
      { type: "human", id: "h1", content: "hi" },
      { type: "ai", id: "a1", content: "" },
    ];
    // A tool call and its result, and a subagent's words (never the thread's), are no partial answer.
    expect(streamedNotKept(live, 0, toolCallKept)).toBe(false);
    const partial = liveReducer(live, 0, ...ai("run-7", "It's sunny in"));
    expect(streamedNotKept(partial, 0, toolCallKept)).toBe(true);
    expect(streamedNotKept(partial, 0, [...toolCallKept, { type: "ai", id: "run-7", content: "It's sunny in" }])).toBe(false);
    expect(streamedNotKept(partial, 0, [...toolCallKept, { type: "ai", id: "other", content: "It's sunny in sf." }])).toBe(false);
    expect(streamedNotKept(partial, 1, toolCallKept)).toBe(false);
  });

  it("a stopped run's transcript line says its streamed partial answer was not saved, from the engine's stopped event", () => {
    const running = { index: 0, clientId: "c", messageId: "m", text: "hi", kind: "message", strategy: "enqueue" } as const;
    const m = transition(
      { ...running, status: "running", sentAt: 0 },
      { type: "stopped", cause: { kind: "cancel" }, detail: "cancelled" },
    );
    const live = liveReducer(NO_LIVE, 0, ...ai("run-7", "It's sunny in"));
    const state = { items: [], live } as unknown as ChatSnapshot;
    const said = (kept?: { type: string; id: string; content: string }[]) => {
      const cause = { type: "stopped", cause: { kind: "cancel" }, detail: "cancelled", ...(kept ? { kept } : {}) } as const;
      const { patch } = eventPatch(
        state,
        { type: "status", message: m, from: "running", cause },
        [m],
        new Transcript(() => plainTheme),
      );
      return patch.items?.map((i) => i.text);
    };
    expect(said([{ type: "human", id: "h1", content: "hi" }])).toEqual([
      "#1 cancelled; its partial answer was not saved by the server (Ctrl+R to bring it back)",
    ]);
    expect(said([{ type: "ai", id: "run-7", content: "It's sunny in" }])).toEqual(["#1 cancelled (Ctrl+R to bring it back)"]);
    expect(said()).toEqual(["#1 cancelled (Ctrl+R to bring it back)"]);
  });

  it("content blocks: text as text, reasoning on one dim line (its newest words), media as a placeholder", () => {
    const content = [
      { type: "reasoning", reasoning: "The user wants the weather, so I will look it up first." },
      { type: "text", text: "Here it is." },
      { type: "image", mimeType: "image/png", data: "A".repeat(16384) },
      { type: "image_url", image_url: { url: "https://example.com/x.png" } },
    ];
    const live = liveReducer(NO_LIVE, 0, ...ai("a1", "", { content }));
    expect(liveLines(live, 30).map((l) => [l.kind, l.text])).toEqual([
      ["reasoning", "✻ …so I will look it up first."],
      ["text", "Here it is."],
      ["media", "[image/png, 12 KB]"],
      ["media", "[image, url]"],
    ]);
  });
});

describe("what the queue shows, and for how long", () => {
  const msg = (index: number, status: OutgoingMessage["status"], finishedAt?: number): OutgoingMessage => ({
    index,
    clientId: "c",
    messageId: "m",
    text: "t",
    kind: "message",
    strategy: "enqueue",
    status,
    sentAt: 0,
    finishedAt,
  });

  it("keeps unfinished, recently finished and undismissed rejected messages", () => {
    const list = [
      msg(0, "success", 1000),
      msg(1, "success", 9000),
      msg(2, "rejected", 1000),
      msg(3, "pending"),
      msg(4, "failed", 1),
    ];
    expect(list.filter((m) => inQueue(m, 10_000, new Set([4]))).map((m) => m.index)).toEqual([1, 2, 3]);
  });

  it("moves (spinners, elapsed times) while a message is in flight or finished less than 4 s ago", () => {
    expect(queueMoving([msg(0, "running")], 10_000)).toBe(true);
    expect(queueMoving([msg(0, "success", 7_000)], 10_000)).toBe(true);
    expect(queueMoving([msg(0, "success", 5_000), msg(1, "rejected", 9_999)], 10_000)).toBe(false);
  });
});

describe("input history on disk", () => {
  it("keeps entries per deployment across instances, most recent last, without duplicates", async () => {
    const { mkdtempSync, rmSync, statSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { fileHistory } = await import("../../src/interactive/input-history.js");
    const dir = mkdtempSync(join(tmpdir(), "chat-history-"));
    try {
      const a = fileHistory("http://a.example:2024", dir);
      a.add("one");
      a.add("two");
      a.add("one");
      fileHistory("local", dir).add("elsewhere");
      expect(fileHistory("http://a.example:2024", dir).load()).toEqual(["two", "one"]);
      expect(fileHistory("local", dir).load()).toEqual(["elsewhere"]);
      expect(statSync(join(dir, "input-history.json")).isFile()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("what is unsettled at the end", () => {
  it("is what is in flight, held or of unknown fate; not an unknown one a resend took over, nor what ended", () => {
    const m = (index: number, status: OutgoingMessage["status"], retryOf?: number) => ({ index, status, retryOf });
    const messages = [m(0, "unknown"), m(1, "success", 0), m(2, "unknown"), m(3, "running"), m(4, "held"), m(5, "failed")];
    expect(unsettled(messages).map((x) => x.index)).toEqual([2, 3, 4]);
  });
});
