// A burst of keys in one read is the keys it holds; control characters never become text.
import { describe, expect, it } from "vitest";
import { KeySplitter, pressedKey } from "../../src/interactive/keys.js";

const split = (text: string) => new KeySplitter().split(text, {});

describe("keys that arrive in one read", () => {
  it("Ctrl+U between two words is a key, not text", () => {
    expect(split("abc\x15def")).toEqual([
      { text: "abc", key: {} },
      { text: "u", key: { ctrl: true } },
      { text: "def", key: {} },
    ]);
  });

  it("text then Tab, Enter, Backspace and an arrow key are each their own key", () => {
    expect(split("hi\t\r\x7f\x1b[A")).toEqual([
      { text: "hi", key: {} },
      { text: "", key: { tab: true } },
      { text: "\r", key: { return: true } },
      { text: "", key: { backspace: true } },
      { text: "", key: { upArrow: true } },
    ]);
  });

  it("other control characters are dropped; a single key keeps what Ink made of it", () => {
    expect(split("a\x00\x1fb")).toEqual([
      { text: "a", key: {} },
      { text: "b", key: {} },
    ]);
    expect(new KeySplitter().split("r", { ctrl: true })).toEqual([{ text: "r", key: { ctrl: true } }]);
  });

  it("a bracketed paste is text with its line breaks, even split across reads", () => {
    const keys = new KeySplitter();
    expect(keys.split("\x1b[200~line one\r\nline", {})).toEqual([{ text: "line one\nline", key: {} }]);
    expect(keys.split(" two\x07\x1b[201~\r", {})).toEqual([
      { text: " two", key: {} },
      { text: "\r", key: { return: true } },
    ]);
  });

  it("paste markers as Ink hands them over (events of their own, ESC removed); '[201~' inside the text is text", () => {
    const keys = new KeySplitter();
    expect(keys.split("[200~", {})).toEqual([]);
    expect(keys.split("see [201~ here\rnext line", {})).toEqual([{ text: "see [201~ here\nnext line", key: {} }]);
    expect(keys.split("[201~", {})).toEqual([]);
    expect(keys.split("\r", { return: true })).toEqual([{ text: "\r", key: { return: true } }]);
    expect(new KeySplitter().split("a [200~ b", {})).toEqual([{ text: "a [200~ b", key: {} }]);
  });

  it("Delete, Home and End in a burst are keys; another complete CSI sequence is dropped, not typed", () => {
    expect(split("ab\x1b[3~\x1b[1~\x1b[4~\x1b[5~\x1b[1;5Dc")).toEqual([
      { text: "ab", key: {} },
      { text: "", key: { delete: true } },
      { text: "", key: { home: true } },
      { text: "", key: { end: true } },
      { text: "", key: { leftArrow: true } },
      { text: "c", key: {} },
    ]);
  });
});

describe("the key pressed, from Ink's key and the sequence it came as", () => {
  it("DEL (what Backspace sends) is Backspace, though Ink names it delete; ESC [3~ is Delete", () => {
    expect(pressedKey("\x7f", { delete: true })).toEqual({ delete: false, backspace: true });
    expect(pressedKey("\x1b\x7f", { delete: true, meta: true })).toEqual({ delete: false, backspace: true, meta: true });
    expect(pressedKey("\x1b[3~", { delete: true })).toEqual({ delete: true });
    expect(pressedKey("\x1b[3;5~", { delete: true, ctrl: true })).toEqual({ delete: true, ctrl: true });
    expect(pressedKey("\x1b", { escape: true })).toEqual({ escape: true });
  });
});
