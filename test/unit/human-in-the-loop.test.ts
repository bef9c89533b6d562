// Reading what an agent asks, and building the answer each known schema expects. Pure.
import { describe, expect, it } from "vitest";
import { answerPayload, interruptsOfUpdate, questionOfState } from "../../src/engine/interrupts.js";
import { answerEach, answerFor, shapeOf } from "../../src/human-in-the-loop/schemas.js";
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

// What langchain's (JS) humanInTheLoopMiddleware asks, as the built-in `approve` agent and the
// e2e `trip` agent send it: camelCase, configs in the requests' order.
const JS_REVIEW = {
  actionRequests: [
    { name: "search_flights", args: { to: "rome" }, description: "Tool execution requires approval" },
    { name: "book_hotel", args: { city: "rome" }, description: "Book this hotel?" },
  ],
  reviewConfigs: [
    { actionName: "search_flights", allowedDecisions: ["approve", "edit", "reject"] },
    { actionName: "book_hotel", allowedDecisions: ["approve", "reject"] },
  ],
};

describe("LangChain's review in both spellings", () => {
  it("reads the JS (camelCase) request: each action's name, args, description and allowed decisions", () => {
    expect(shapeOf(JS_REVIEW)).toEqual({
      kind: "review",
      spelling: "camel",
      actions: [
        {
          name: "search_flights",
          args: { to: "rome" },
          description: "Tool execution requires approval",
          allowed: ["approve", "edit", "reject"],
        },
        { name: "book_hotel", args: { city: "rome" }, description: "Book this hotel?", allowed: ["approve", "reject"] },
      ],
    });
    expect(shapeOf(REVIEW)).toMatchObject({ kind: "review", spelling: "snake" });
  });

  it("answers in the family it was asked in: editedAction for camelCase, edited_action for snake_case", () => {
    const one = { actionRequests: [JS_REVIEW.actionRequests[0]], reviewConfigs: [JS_REVIEW.reviewConfigs[0]] };
    expect(answerFor(one, 'edit {"to": "nyc"}')).toEqual({
      value: { decisions: [{ type: "edit", editedAction: { name: "search_flights", args: { to: "nyc" } } }] },
    });
    expect(answerFor(one, "reject: not now")).toEqual({ value: { decisions: [{ type: "reject", message: "not now" }] } });
    expect(answerFor(one, "approve")).toEqual({ value: { decisions: [{ type: "approve" }] } });
  });

  it("several actions: one decision each, in order, or one word for all; a decision an action does not allow is refused", () => {
    const shape = shapeOf(JS_REVIEW);
    if (shape.kind !== "review") throw new Error("not a review");
    expect(answerEach(shape, ['edit {"to": "paris"}', "reject: too dear"])).toEqual({
      value: {
        decisions: [
          { type: "edit", editedAction: { name: "search_flights", args: { to: "paris" } } },
          { type: "reject", message: "too dear" },
        ],
      },
    });
    expect(answerFor(JS_REVIEW, "approve")).toEqual({ value: { decisions: [{ type: "approve" }, { type: "approve" }] } });
    expect(answerEach(shape, ["approve", 'edit {"city": "x"}'])).toEqual({
      problem: "action 2: book_hotel takes approve, reject, not edit",
    });
    // One set of edited args would go to two different tools: refused.
    expect(answerFor(JS_REVIEW, 'edit {"to": "x"}')).toEqual({
      problem: "edit changes one action's args: give one decision for each of the 2 actions",
    });
    expect(answerEach(shape, ["approve"])).toEqual({
      problem: "this review has 2 actions: give one decision for each, or one for all",
    });
  });

  it("a malformed review request is shown as JSON with a note, and answered as a free value", () => {
    const broken = { actionRequests: "search_flights" };
    expect(shapeOf(broken)).toMatchObject({ kind: "free", note: expect.stringMatching(/actionRequests is not a list/) });
    expect(describeQuestion({ index: 0, interrupts: [{ value: broken }] })).toContain(
      '{\n  "actionRequests": "search_flights"\n}\n(actionRequests is not a list of {name, args}',
    );
    expect(answerFor(broken, '{"decisions": []}')).toEqual({ value: { decisions: [] } });
  });

  it("a review of several actions is shown numbered, with the rule of one decision each", () => {
    const text = describeQuestion({ index: 0, interrupts: [{ value: JS_REVIEW }] });
    expect(text).toContain("Review 2 actions before the agent goes on:\n  1. search_flights\n");
    expect(text).toContain(
      '  2. book_hotel\n    description: Book this hotel?\n    args: {"city":"rome"}\n    allowed: approve, reject\n',
    );
    expect(text).toMatch(/One decision per action, in order\.$/);
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

  it("a question a queued message will drop says so, with how this face turns hold on (the flag by default)", () => {
    const doomed = { index: 0, doomedBy: 1, interrupts: [{ value: "go on?" }] };
    const note = "#2 is already queued: it runs next as a new message and the server drops this question";
    expect(describeQuestion(doomed)).toContain(`${note} (--hold keeps later messages back until it is answered).`);
    expect(describeQuestion(doomed, 80, "/hold")).toContain(`${note} (/hold keeps later messages back until it is answered).`);
  });
});
