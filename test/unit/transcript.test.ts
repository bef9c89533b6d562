import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { asMessageDict, type MessageDict } from "../../src/engine/message.js";
import { prettyRepr, prettyTranscript, titleRule } from "../../src/pretty-print/pretty.js";
import { pyRepr, pyStrip, pyTitle } from "../../src/pretty-print/python-repr.js";
import { colourTheme, themeFor } from "../../src/pretty-print/colour.js";
import { neutralise } from "../../src/sanitize.js";

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const msg = (m: Partial<MessageDict> & { type: string }): MessageDict => asMessageDict({ content: "", ...m }) as MessageDict;

describe("pretty transcript, as langchain_core pretty_print()", () => {
  it("reproduces the seed's enqueue transcript byte for byte", () => {
    const messages = JSON.parse(readFileSync(fixture("enqueue-messages.json"), "utf8")) as unknown[];
    const expected = readFileSync(fixture("enqueue-transcript.txt"), "utf8");
    expect(prettyTranscript(messages.map((m) => asMessageDict(m) as MessageDict))).toBe(expected);
  });

  it("centres titles in 80 columns with the extra '=' on the right for odd widths", () => {
    expect(titleRule("Ai Message")).toBe(`${"=".repeat(34)} Ai Message ${"=".repeat(34)}`);
    expect(titleRule("Human Message")).toBe(`${"=".repeat(32)} Human Message ${"=".repeat(33)}`);
    expect(titleRule("Tool Message")).toBe(`${"=".repeat(33)} Tool Message ${"=".repeat(33)}`);
    expect(titleRule("System Message")).toBe(`${"=".repeat(32)} System Message ${"=".repeat(32)}`);
    for (const t of ["Ai Message", "Human Message", "Tool Message", "System Message"]) {
      expect(titleRule(t)).toHaveLength(80);
    }
  });

  it("prints an AI message with empty content and a tool call without a blank body", () => {
    const m = msg({
      type: "ai",
      content: "",
      tool_calls: [{ name: "search", args: { query: "weather in sf", n: 3, deep: true }, id: "call_1" }],
    });
    expect(prettyRepr(m)).toBe(
      [
        titleRule("Ai Message"),
        "Tool Calls:",
        "  search (call_1)",
        " Call ID: call_1",
        "  Args:",
        "    query: weather in sf",
        "    n: 3",
        "    deep: True",
      ].join("\n"),
    );
  });

  it("strips an AI message's surrounding whitespace but keeps other messages as they are", () => {
    expect(prettyRepr(msg({ type: "ai", content: "  hi \n\n" }))).toBe(`${titleRule("Ai Message")}\n\n  hi`);
    expect(prettyRepr(msg({ type: "human", content: "hi \n" }))).toBe(`${titleRule("Human Message")}\n\nhi \n`);
  });

  it("keeps multi-line content and unicode as they are", () => {
    const content = "line one\n  indented\n°C ✓ 漢字 😀";
    expect(prettyRepr(msg({ type: "system", content }))).toBe(`${titleRule("System Message")}\n\n${content}`);
  });

  it("prints a Name line for named messages", () => {
    expect(prettyRepr(msg({ type: "tool", content: "42", name: "calc", tool_call_id: "c" }))).toBe(
      `${titleRule("Tool Message")}\nName: calc\n\n42`,
    );
  });

  it("prints invalid tool calls with their error and raw string args", () => {
    const m = msg({
      type: "ai",
      content: "oops",
      invalid_tool_calls: [{ name: "search", args: "{not json", id: "bad_1", error: "Malformed args." }],
    });
    expect(prettyRepr(m)).toBe(
      [
        `${titleRule("Ai Message")}`,
        "",
        "oops",
        "Invalid Tool Calls:",
        "  search (bad_1)",
        " Call ID: bad_1",
        "  Error: Malformed args.",
        "  Args:",
        "    {not json",
      ].join("\n"),
    );
  });

  it("prints a tool call without an id as None, and nested args as Python reprs", () => {
    const m = msg({ type: "ai", content: "", tool_calls: [{ name: "f", args: { opts: { a: [1, null] } } }] });
    expect(prettyRepr(m)).toContain("  f (None)\n Call ID: None\n  Args:\n    opts: {'a': [1, None]}");
  });

  it("prints list content as Python's repr of the list", () => {
    const content = [{ text: "it's", n: 1.5, small: 0.00001, b: true, none: null, q: 'say "hi"' }];
    expect(prettyRepr(msg({ type: "human", content }))).toBe(
      `${titleRule("Human Message")}\n\n[{'text': "it's", 'n': 1.5, 'small': 1e-05, 'b': True, 'none': None, 'q': 'say "hi"'}]`,
    );
  });
});

describe("Python repr and string helpers", () => {
  it("escapes strings the way Python does", () => {
    expect(pyRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyRepr("\x1b[31m\t\n\xa0é😀\u200b")).toBe("'\\x1b[31m\\t\\n\\xa0é😀\\u200b'");
    expect(pyRepr("back\\slash")).toBe("'back\\\\slash'");
  });

  it("formats floats like Python's repr", () => {
    expect(pyRepr(0.0001)).toBe("0.0001");
    expect(pyRepr(123456789012345.6)).toBe("123456789012345.6");
    expect(pyRepr(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(pyRepr(-2.5e-7)).toBe("-2.5e-07");
  });

  it("title-cases and strips like Python", () => {
    expect(pyTitle("aI1b they're")).toBe("Ai1B They'Re");
    expect(pyStrip("x \u3000\x1c")).toBe("x");
    expect(pyStrip("\ufeffa")).toBe("\ufeffa");
  });
});

describe("hostile content", () => {
  it("neutralises escape sequences and control characters but keeps newlines, tabs and unicode", () => {
    const evil = "a\x1b]0;pwned\x07b\x1b[2Jc\rd\x9be\tf\ng 😀";
    expect(neutralise(evil)).toBe("a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x0dd\\x9be\tf\ng 😀");
    const printed = prettyRepr(msg({ type: "ai", content: evil, name: "x\x1b[1m" }));
    expect(printed).not.toMatch(/[\x1b\x07\r\x9b]/);
  });
});

describe("coloured theme", () => {
  it("colours titles without changing the text, and NO_COLOR turns colour off", () => {
    const m = msg({ type: "human", content: "hi" });
    const coloured = prettyRepr(m, colourTheme());
    expect(coloured).not.toBe(prettyRepr(m));
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(prettyRepr(m));
    expect(prettyRepr(m, themeFor({ NO_COLOR: "1" }, true))).toBe(prettyRepr(m));
    expect(prettyRepr(m, themeFor({}, true))).toBe(coloured);
    expect(prettyRepr(m, themeFor({}, false))).toBe(prettyRepr(m));
  });
});

describe("message dicts", () => {
  it("keeps a well-formed server dict as it is and mends odd fields", () => {
    const raw = { type: "human", content: "hi", id: "m1", additional_kwargs: {}, example: false };
    expect(asMessageDict(raw)).toBe(raw);
    expect(asMessageDict({ type: "ai", content: "x", name: 42, tool_calls: "nope" })).toMatchObject({
      name: null,
      tool_calls: undefined,
    });
    expect(asMessageDict({ content: "no type" })).toBeUndefined();
    expect(prettyRepr(asMessageDict({ type: "ai" }) as MessageDict)).toBe(titleRule("Ai Message"));
  });
});
