import { describe, expect, it } from "vitest";
import { newMessages } from "../../src/engine/history.js";
import type { MessageDict } from "../../src/engine/message.js";

const m = (id: string | null, type = "ai"): MessageDict => ({ id, type, content: id ?? "" });
const ids = (list: Array<{ message: MessageDict }>) => list.map((x) => x.message.id);

describe("which messages are new when a run finishes", () => {
  it("returns everything not yet emitted, in thread order", () => {
    const thread = [m("h1", "human"), m("a1"), m("h2", "human"), m("a2")];
    expect(ids(newMessages(thread, new Set(["h1", "a1"]), new Set()))).toEqual(["h2", "a2"]);
  });

  it("stops at the input of a later run already in the thread", () => {
    const thread = [m("h1", "human"), m("a1"), m("h2", "human"), m("a2")];
    expect(ids(newMessages(thread, new Set(), new Set(["h2"])))).toEqual(["h1", "a1"]);
  });

  it("emits nothing twice when an interrupted run left partial output before the next run's", () => {
    // Run 1 was interrupted after its tool call; its partial messages were emitted already.
    const emitted = new Set(["h1", "a1"]);
    const thread = [m("h1", "human"), m("a1"), m("h2", "human"), m("a2"), m("t2", "tool"), m("a3")];
    expect(ids(newMessages(thread, emitted, new Set()))).toEqual(["h2", "a2", "t2", "a3"]);
  });

  it("skips nothing when a rolled-back run left no messages", () => {
    const thread = [m("h0", "human"), m("a0"), m("h2", "human"), m("a2")];
    expect(ids(newMessages(thread, new Set(["h0", "a0"]), new Set()))).toEqual(["h2", "a2"]);
  });

  it("keys messages without ids by position", () => {
    const thread = [m(null, "human"), m(null)];
    const first = newMessages(thread, new Set(), new Set());
    expect(first.map((x) => x.key)).toEqual(["#0", "#1"]);
    expect(newMessages(thread, new Set(first.map((x) => x.key)), new Set())).toEqual([]);
  });
});
