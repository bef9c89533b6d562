// The printer reads JSON as the server wrote it: Python's key order and number forms survive,
// where JSON.parse would reorder integer-like keys and turn 20.0 into 20.
import { describe, expect, it } from "vitest";
import { Client } from "@langchain/langgraph-sdk";
import { asMessageDict, messagesOf, type MessageDict } from "../../src/engine/message.js";
import { formOf, parseJsonTree, parseKeepingForm, parseWithLazyForm } from "../../src/pretty-print/json-form.js";
import { prettyRepr, prettyTranscript, titleRule } from "../../src/pretty-print/pretty.js";
import { pyRepr, reprNode } from "../../src/pretty-print/python-repr.js";
import { formKeepingFetch } from "../../src/deployment/state-fetch.js";

const printed = (json: string) => prettyRepr(asMessageDict(parseKeepingForm(json)) as MessageDict);
const repr = (json: string) => reprNode(parseJsonTree(json));

describe("repr from JSON text, as Python's json.loads + repr", () => {
  it("keeps member order, integer-like keys included", () => {
    expect(repr('{"b": 1, "9": 2, "a": {"10": true, "2": null}}')).toBe("{'b': 1, '9': 2, 'a': {'10': True, '2': None}}");
    expect(pyRepr(JSON.parse('{"b": 1, "9": 2}'))).toBe("{'9': 2, 'b': 1}");
  });

  it("prints each number in the form Python gives it", () => {
    const cases: Array<[string, string]> = [
      ["20.0", "20.0"],
      ["-0.0", "-0.0"],
      ["-0", "0"],
      ["1e16", "1e+16"],
      ["1E16", "1e+16"],
      ["2.5e20", "2.5e+20"],
      ["0.00001", "1e-05"],
      ["0.0001", "0.0001"],
      ["1e400", "inf"],
      ["12345678901234567890123", "12345678901234567890123"],
      ["9007199254740993", "9007199254740993"],
      ["1.5", "1.5"],
      ["100.0e-2", "1.0"],
      ["9999999999999998.0", "9999999999999998.0"],
    ];
    for (const [json, python] of cases) expect([json, repr(json)]).toEqual([json, python]);
  });

  it("a repeated key keeps its first place and its last value, as a Python dict does", () => {
    expect(repr('{"a": 1, "b": 2, "a": 3}')).toBe("{'a': 3, 'b': 2}");
    expect(parseKeepingForm('{"a": 1, "b": 2, "a": 3}')).toEqual(JSON.parse('{"a": 1, "b": 2, "a": 3}'));
  });

  it("gives the same plain value as JSON.parse, __proto__ included", () => {
    const text = '{"__proto__": {"x": 1}, "9": [1.0, "\\ud83d\\ude00", false], "n": 1e400}';
    const plain = parseKeepingForm(text) as Record<string, unknown>;
    expect(plain).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(() => parseJsonTree('{"a": 1,}')).toThrow(SyntaxError);
  });
});

describe("a state's messages keep their form, found only when printed", () => {
  it("gives JSON.parse's value; the messages' form comes from the text, the rest stays plain", () => {
    const text = '{"values": {"messages": [{"type": "x", "b": 1, "9": 2.0}], "extra": {"b": 1, "9": 2.0}}}';
    const state = parseWithLazyForm(text, ["values", "messages"]) as { values: { messages: object[]; extra: object } };
    expect(state).toEqual(JSON.parse(text));
    expect(pyRepr(state.values.messages[0])).toBe("{'type': 'x', 'b': 1, '9': 2.0}");
    expect(pyRepr(state.values.extra)).toBe("{'9': 2, 'b': 1}");
    expect(formOf(state.values.messages[0])).toEqual(parseJsonTree('{"type": "x", "b": 1, "9": 2.0}'));
  });

  it("a repeated messages key: the last list, in JSON.parse and in the form alike", () => {
    const text = '{"values": {"messages": [{"type": "a"}], "messages": [{"type": "b", "n": 1.0}]}}';
    const state = parseWithLazyForm(text, ["values", "messages"]) as { values: { messages: object[] } };
    expect(pyRepr(state.values.messages[0])).toBe("{'type': 'b', 'n': 1.0}");
    expect(() => parseWithLazyForm("{NaN}", ["values"])).toThrow(SyntaxError);
  });
});

describe("messages printed from their JSON text", () => {
  it("prints a Python server's tool call args with 20.0 and their order", () => {
    const json =
      '{"type": "ai", "content": "", "tool_calls": [{"name": "set", "args": {"temperature": 20.0, "zone": {"b": 1, "9": 2}}, "id": "c1"}]}';
    expect(printed(json)).toBe(
      [
        titleRule("Ai Message"),
        "Tool Calls:",
        "  set (c1)",
        " Call ID: c1",
        "  Args:",
        "    temperature: 20.0",
        "    zone: {'b': 1, '9': 2}",
      ].join("\n"),
    );
  });

  it("prints list content blocks in the server's key order", () => {
    const json = '{"type": "human", "content": [{"type": "text", "text": "hi", "2": 2.5e20}]}';
    expect(printed(json)).toBe(`${titleRule("Human Message")}\n\n[{'type': 'text', 'text': 'hi', '2': 2.5e+20}]`);
  });

  it("strips as Python does before escaping: a trailing vertical tab goes, as pretty_print drops it", () => {
    expect(printed('{"type": "ai", "content": "ok\\u000b"}')).toBe(`${titleRule("Ai Message")}\n\nok`);
    expect(printed('{"type": "ai", "content": "a\\u001bb "}')).toBe(`${titleRule("Ai Message")}\n\na\\x1bb`);
  });

  it("an error is shown by Python's truth: an empty dict or list is no error", () => {
    const json = '{"type": "ai", "content": "", "invalid_tool_calls": [{"name": "f", "args": "{", "id": "x", "error": {}}]}';
    expect(printed(json)).not.toContain("Error:");
  });
});

describe("thread states read through the SDK keep their form", () => {
  const state =
    '{"values": {"messages": [{"type": "ai", "content": "", "id": "m1", "tool_calls": [{"name": "set", "args": {"b": 1, "9": 20.0}, "id": "c1"}]}]}, "next": []}';
  const fake = (async (input: URL | Request | string) => {
    const body = String(input).includes("/state") ? state : '{"thread_id": "t", "values": {"n": 20.0}}';
    return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  const client = new Client({ apiUrl: "http://127.0.0.1:1", apiKey: null, callerOptions: { fetch: formKeepingFetch(fake) } });

  it("getState gives JSON.parse's plain values, and the printer prints them as written", async () => {
    const got = await client.threads.getState("00000000-0000-4000-8000-000000000000");
    expect(got).toEqual(JSON.parse(state));
    const messages = messagesOf(got.values);
    expect(prettyTranscript(messages)).toContain("  Args:\n    b: 1\n    9: 20.0\n");
  });

  it("other answers pass through as plain JSON (no form kept)", async () => {
    const thread = await client.threads.get("00000000-0000-4000-8000-000000000000");
    expect(pyRepr(thread.values)).toBe("{'n': 20}");
  });
});

describe("nesting past the cap", () => {
  it("is cut with a marker before anything recursive walks it; shallower values are left as they are", async () => {
    const { capDepth, deeperThan } = await import("../../src/depth.js");
    let deep: unknown = { leaf: true };
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const cut = capDepth(deep, 3);
    expect(cut).toEqual({ a: { a: { a: "… (nested more than 3 deep)" } } });
    expect(deeperThan(capDepth(deep), 200)).toBe(false);
    const shallow = { a: [1, { b: 2 }] };
    expect(capDepth(shallow, 3)).toBe(shallow);
    // The printer and JSON.stringify, which both recurse, now get through it.
    const printed = prettyTranscript([{ type: "ai", content: "", tool_calls: [{ name: "t", args: capDepth(deep), id: "1" }] }]);
    expect(printed).toContain("'… (nested more than 200 deep)'");
    expect(() => JSON.stringify(capDepth(deep))).not.toThrow();
  });
});
