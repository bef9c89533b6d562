// Reading what an agent asks, and building the answer each known schema expects. Pure.
import { describe, expect, it } from "vitest";
import { answerPayload, interruptsOfUpdate, questionOfState } from "../../src/engine/interrupts.js";
import { answerFor, shapeOf } from "../../src/human-in-the-loop/schemas.js";
import { describeQuestion, questionSummary } from "../../src/human-in-the-loop/describe.js";

const REVIEW = {
  action_requests: [{ name: "book_table", args: { request: "table for 2" }, description: "Book it?" }],
  review_configs: [{ action_name: "book_table", allowed_decisions: ["approve", "reject"] }],
};
const INBOX = [
  {
    action_request: { action: "send_email", args: { to: "a@b.c" } },
    config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: false },
    description: "Send this email?",
  },
];

describe("what the server says a thread waits for", () => {
  it("reads __interrupt__ updates from the stream, with and without values", () => {
    expect(interruptsOfUpdate({ __interrupt__: [{ id: "i1", value: "ok?" }] })).toEqual([{ id: "i1", value: "ok?" }]);
    expect(interruptsOfUpdate({ __interrupt__: [] })).toEqual([]);
    expect(interruptsOfUpdate({ agent: { messages: [] } })).toBeUndefined();
  });

  it("names a breakpoint's node from the state's tasks, inside a subgraph when there is one", () => {
    const state = {
      next: ["weather_graph"],
      tasks: [{ name: "weather_graph", interrupts: [], state: { next: ["weather_node"] } }],
    };
    expect(questionOfState(state)).toEqual({ interrupts: [], pausedBefore: { node: "weather_node", graph: "weather_graph" } });
    expect(questionOfState({ next: ["tools"], tasks: [{ name: "tools", interrupts: [] }] })).toEqual({
      interrupts: [],
      pausedBefore: { node: "tools" },
    });
    expect(questionOfState({ tasks: [{ interrupts: [{ id: "x", value: 1 }] }] })).toEqual({
      interrupts: [{ id: "x", value: 1 }],
    });
  });

  it("resumes one question with the value, one of several by its id, and a breakpoint with null input", () => {
    expect(answerPayload({ interrupts: [{ id: "a", value: 1 }] }, "yes")).toEqual({ command: { resume: "yes" } });
    const two = {
      interrupts: [
        { id: "a", value: 1 },
        { id: "b", value: 2 },
      ],
    };
    expect(answerPayload(two, "yes", "b")).toEqual({ command: { resume: { b: "yes" } } });
    expect(answerPayload({ interrupts: [] }, "anything")).toEqual({ input: null });
  });
});

describe("the answers each schema expects", () => {
  it("LangChain v1 review: decisions for every action, a rejection's message, edited args", () => {
    expect(answerFor(REVIEW, "approve")).toEqual({ value: { decisions: [{ type: "approve" }] } });
    expect(answerFor(REVIEW, "reject: too dear")).toEqual({ value: { decisions: [{ type: "reject", message: "too dear" }] } });
    expect(answerFor(REVIEW, 'edit {"request": "table for 4"}')).toMatchObject({ problem: expect.stringMatching(/not edit/) });
    const editable = { ...REVIEW, review_configs: [] };
    expect(answerFor(editable, 'edit {"request": "table for 4"}')).toEqual({
      value: { decisions: [{ type: "edit", edited_action: { name: "book_table", args: { request: "table for 4" } } }] },
    });
  });

  it("agent-inbox: accept, respond with text, edit; only what its config allows", () => {
    expect(shapeOf(INBOX)).toMatchObject({
      kind: "inbox",
      action: { name: "send_email", allowed: ["accept", "edit", "respond"] },
    });
    expect(answerFor(INBOX, "accept")).toEqual({ value: [{ type: "accept", args: null }] });
    expect(answerFor(INBOX, "respond: use my work address")).toEqual({
      value: [{ type: "response", args: "use my work address" }],
    });
    expect(answerFor(INBOX, 'edit {"to": "x@y.z"}')).toEqual({
      value: [{ type: "edit", args: { action: "send_email", args: { to: "x@y.z" } } }],
    });
  });

  it("anything else: JSON when the text parses as JSON, else the text", () => {
    expect(answerFor({ question: "ok?" }, "yes")).toEqual({ value: "yes" });
    expect(answerFor("ok?", '{"n": 2}')).toEqual({ value: { n: 2 } });
    expect(answerFor("ok?", "20.0")).toEqual({ value: 20 });
  });
});

describe("the question as text", () => {
  it("a string as text, an object as indented data, server text neutralised", () => {
    const text = describeQuestion({ index: 0, interrupts: [{ value: { question: "Go?\x1b[2J", options: ["yes", "no"] } }] });
    expect(text).toBe(
      [
        "=============================== Waiting For You ================================",
        "",
        "#1 asks:",
        "question: Go?\\x1b[2J",
        'options: ["yes","no"]',
      ].join("\n"),
    );
    expect(questionSummary({ interrupts: [{ value: "Shall I?" }] })).toBe("Shall I?");
  });

  it("the two schemas as the action, its args and the answers allowed", () => {
    expect(describeQuestion({ index: 1, interrupts: [{ value: INBOX }] })).toContain(
      [
        "#2 asks:",
        "The agent asks before it acts:",
        "  send_email",
        "    description: Send this email?",
        '    args: {"to":"a@b.c"}',
        "    allowed: accept, edit, respond",
      ].join("\n"),
    );
    expect(questionSummary({ interrupts: [{ value: REVIEW }, { value: "b" }] })).toBe("review book_table (+1 more)");
  });
});
