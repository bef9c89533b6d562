// Which assistant a continued thread runs: its own (from the server's metadata), unless one is
// asked for; one asked for that differs from the one a waiting thread waits in is refused.
import { describe, expect, it } from "vitest";
import { assistantForThread, threadAssistant, uuid5 } from "../../src/deployment/thread-assistant.js";

// As the JS server wrote it for a run of graph `deep` by name (measured on the real server).
const DEEP = { graph_id: "deep", assistant_id: "aa010538-f22f-5082-a0cb-63196a75e726" };

describe("a thread's own assistant", () => {
  it("is its graph when the run used the graph's default assistant, else the assistant's id", () => {
    expect(uuid5("deep")).toBe(DEEP.assistant_id);
    expect(threadAssistant({ metadata: DEEP })).toBe("deep");
    const custom = { graph_id: "agent", assistant_id: "0b9ff0c4-0000-4000-8000-000000000001" };
    expect(threadAssistant({ metadata: custom })).toBe(custom.assistant_id);
    expect(threadAssistant({ metadata: { graph_id: "agent" } })).toBe("agent");
    expect(threadAssistant({ metadata: {} })).toBeUndefined();
    expect(threadAssistant({ metadata: "junk" })).toBeUndefined();
  });

  it("is used unless one is asked for; a never-run thread takes the one asked for or the default", () => {
    const thread = { thread_id: "t1", status: "idle", metadata: DEEP };
    expect(assistantForThread(thread, { assistant: "agent", from: undefined })).toBe("deep");
    expect(assistantForThread(thread, { assistant: "agent", from: "--assistant" })).toBe("agent");
    expect(assistantForThread({ thread_id: "t2", metadata: {} }, { assistant: "agent", from: undefined })).toBe("agent");
  });

  it("a waiting thread refuses another assistant, naming its own; its own by graph or by id is fine", () => {
    const waiting = { thread_id: "t1", status: "interrupted", metadata: DEEP };
    expect(() => assistantForThread(waiting, { assistant: "agent", from: "--assistant" })).toThrow(
      "thread t1 is waiting for an answer in assistant deep, not agent (--assistant): leave out --assistant, or give --assistant deep",
    );
    expect(() => assistantForThread(waiting, { assistant: "agent", from: "CHAT_ASSISTANT" })).toThrow(
      "not agent (CHAT_ASSISTANT): unset CHAT_ASSISTANT, or give --assistant deep",
    );
    expect(assistantForThread(waiting, { assistant: DEEP.assistant_id, from: "--assistant" })).toBe(DEEP.assistant_id);
    expect(assistantForThread(waiting, { assistant: "deep", from: "--assistant" })).toBe("deep");
  });
});
