// "Trojan Source": bidi controls and invisible characters from the server are shown escaped,
// like the other controls, wherever server text reaches the screen.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { neutralise, safeJson } from "../../src/sanitize.js";
import { prettyRepr } from "../../src/pretty-print/pretty.js";
import { liveLines, liveReducer } from "../../src/interactive/live.js";
import { Queue } from "../../src/interactive/components/Queue.js";
import { compactMessage, demoSummary } from "../../src/demo/summary.js";
import type { OutgoingMessage } from "../../src/engine/types.js";
import type { LaneResult } from "../../src/demo/lane.js";

// Reads "admin" to the eye but holds a right-to-left override and an isolate.
const DECEPTIVE = "if (user\u202e \u2066// admin\u2069\u2066) {";
const INVISIBLE = "pay\u200bpal\u200c\u200d\u2060\ufeff\u200e\u200f\u061c";
const SHOWN = "if (user\\u202e \\u2066// admin\\u2069\\u2066) {";

describe("bidi controls and invisible characters", () => {
  it("are escaped as \\uNNNN, each of them", () => {
    expect(neutralise(DECEPTIVE)).toBe(SHOWN);
    expect(neutralise(INVISIBLE)).toBe("pay\\u200bpal\\u200c\\u200d\\u2060\\ufeff\\u200e\\u200f\\u061c");
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(neutralise(String.fromCodePoint(cp))).toBe(`\\u${cp.toString(16)}`);
    }
  });

  it("a zero-width joiner inside an emoji sequence draws it and passes; anywhere else it is shown", () => {
    expect(neutralise("👩\u200d💻 👍🏽\u200d🔥")).toBe("👩\u200d💻 👍🏽\u200d🔥");
    expect(neutralise("a\u200db 👩\u200d")).toBe("a\\u200db 👩\\u200d");
  });

  it("JSON output escapes them too, as the same data", () => {
    const text = safeJson({ t: DECEPTIVE });
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(text)).toEqual({ t: DECEPTIVE });
  });

  it("in the transcript: content, name and tool call args", () => {
    const printed = prettyRepr({
      type: "ai",
      content: DECEPTIVE,
      name: "bo\u202eb",
      tool_calls: [{ name: "f", args: { q: INVISIBLE }, id: "c" }],
    });
    expect(printed).toContain(SHOWN);
    expect(printed).toContain("Name: bo\\u202eb");
    expect(printed).toContain("    q: pay\\u200bpal");
    expect(printed).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
  });

  it("in the live stream: text, tool calls and tool results", () => {
    let live = liveReducer({ index: 0, entries: [] }, 0, "messages", [
      {
        type: "AIMessageChunk",
        id: "a",
        content: DECEPTIVE,
        tool_call_chunks: [{ name: "f\u202e", args: '{"q": 1}', id: "c", index: 0 }],
      },
    ]);
    live = liveReducer(live, 0, "messages", [{ type: "tool", id: "t", name: "f", content: INVISIBLE }]);
    const text = liveLines(live, 200)
      .map((l) => l.text)
      .join("\n");
    expect(text).toContain(SHOWN);
    expect(text).toContain("pay\\u200bpal");
    expect(text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
  });

  it("in the queue: a found run's text and a refusal's detail", () => {
    const m: OutgoingMessage = {
      index: 0,
      clientId: "c",
      messageId: "m",
      text: DECEPTIVE,
      kind: "message",
      strategy: "enqueue",
      status: "rejected",
      detail: `server says ${INVISIBLE}`,
      sentAt: 0,
    };
    const { lastFrame, unmount } = render(<Queue messages={[m]} now={0} columns={200} />);
    const frame = lastFrame() ?? "";
    unmount();
    expect(frame).toContain(SHOWN);
    expect(frame).toContain("pay\\u200bpal");
    expect(frame).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
  });

  it("in the demo: the compact thread and the lane summary", () => {
    expect(compactMessage({ type: "ai", content: DECEPTIVE }, 200)).toBe(`ai     ${SHOWN}`);
    const lane: LaneResult = {
      strategy: "enqueue",
      threadId: "t\u202e1",
      timeline: [],
      statuses: ["success", "success"],
      labels: ["success", "success"],
      details: [undefined, undefined],
      serverStatuses: ["success", "success"],
      firstWhenSecondSent: "running",
      toolCallBeforeSecond: false,
      messages: [{ type: "human", id: "h", content: INVISIBLE }],
      leftBy: [1, 1],
    };
    const text = demoSummary([lane]);
    expect(text).toContain("thread t\\u202e1");
    expect(text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
  });
});
