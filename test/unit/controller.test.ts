// The interactive UI's behaviour, driven through its controller over a real engine session whose
// SDK client is faked: keys in, snapshot out. No terminal, no sleeps: waits are on the snapshot.
import { describe, expect, it } from "vitest";
import { ChatController, type ChatSnapshot, type ControllerOptions } from "../../src/interactive/controller.js";
import { Session } from "../../src/engine/session.js";
import { memoryHistory } from "../../src/interactive/input-history.js";
import { plainTheme } from "../../src/pretty-print/pretty.js";
import { fakeDeployment, type CreateBehaviour } from "../helpers/fake-client.js";
import { reviewStep } from "../../src/interactive/answering.js";

const K = { enter: { return: true }, tab: { tab: true }, esc: { escape: true }, up: { upArrow: true }, ctrl: { ctrl: true } };

async function setup(
  behaviours: CreateBehaviour[] = [],
  openSession?: (id?: string) => Promise<Session>,
  more: Partial<ControllerOptions> = {},
) {
  const fake = fakeDeployment(behaviours);
  const open = (threadId: string) =>
    Session.open({ client: fake.client, assistantId: "agent", threadId, retryDelayMs: 5, landMs: 5 });
  const session = await open("thread-1234567890");
  const controller = new ChatController({
    session,
    openSession: openSession ?? ((id) => open(id ?? "thread-new")),
    strategy: "enqueue",
    history: memoryHistory(["an older message"]),
    theme: () => plainTheme,
    ...more,
  });
  const snap = () => controller.getSnapshot();
  /** Types text, then Enter, as separate key presses. */
  const submit = (text: string) => {
    controller.key(text, {});
    controller.key("\r", K.enter);
  };
  /** Resolves once the snapshot satisfies `check` (at once if it already does); fails after `ms` naming it. */
  const until = (check: (s: ChatSnapshot) => boolean, ms = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (check(snap())) return resolve();
      const off = controller.subscribe(() => {
        if (check(snap())) {
          off();
          clearTimeout(timer);
          resolve();
        }
      });
      const timer = setTimeout(() => {
        off();
        reject(new Error(`waited ${ms} ms for ${String(check)}, in vain; statuses: ${statuses().join() || "none"}`));
      }, ms);
    });
  const statuses = () => snap().messages.map((m) => m.status);
  const said = () =>
    snap()
      .items.map((i) => i.text)
      .join("\n");
  return { fake, session, controller, snap, submit, until, statuses, said };
}

describe("the interactive controller", () => {
  it("Tab cycles the strategy at once; /strategy sets it", async () => {
    const ui = await setup();
    ui.controller.key("\t", K.tab);
    expect(ui.snap().strategy).toBe("reject");
    ui.controller.key("\t", K.tab);
    expect(ui.snap().strategy).toBe("interrupt");
    ui.submit("/strategy rollback");
    expect(ui.snap().strategy).toBe("rollback");
  });

  it("Enter sends while a run is in flight, clears the input, and both messages are queued in order", async () => {
    const ui = await setup();
    ui.submit("what's the weather in sf?");
    ui.submit("what's the weather in nyc?");
    expect(ui.snap().input.value).toBe("");
    await ui.until(() => ui.statuses().join() === "running,pending");
    expect(ui.fake.runs.map((r) => [r.text, r.strategy])).toEqual([
      ["what's the weather in sf?", "enqueue"],
      ["what's the weather in nyc?", "enqueue"],
    ]);
    ui.controller.key("still typing", {});
    expect(ui.snap().input).toEqual({ value: "still typing", cursor: 12 });
  });

  it("keys in one read act one by one: Ctrl+U clears, Tab changes the strategy, no control character is typed", async () => {
    const ui = await setup();
    ui.controller.key("abc\x15def\t", {});
    expect(ui.snap().input.value).toBe("def");
    expect(ui.snap().strategy).toBe("reject");
    ui.controller.key("\x15/quit\r", {});
    expect(ui.snap().exit).toBeDefined();
    expect(ui.fake.runs).toHaveLength(0);
  });

  it("a bracketed paste keeps its line breaks in the input and sends nothing", async () => {
    const ui = await setup();
    ui.controller.key("\x1b[200~first line\r\nsecond line\x1b[201~", {});
    expect(ui.snap().input.value).toBe("first line\nsecond line");
    expect(ui.snap().messages).toHaveLength(0);
  });

  it("a paste with line breaks sends each line", async () => {
    const ui = await setup();
    ui.controller.key("one\rtwo\rthree", {});
    expect(ui.snap().input.value).toBe("three");
    expect(ui.snap().messages.map((m) => m.text)).toEqual(["one", "two"]);
  });

  it("/interrupt <text> sends one message with that strategy and keeps the chosen one", async () => {
    const ui = await setup();
    ui.submit("/interrupt look at nyc instead");
    expect(ui.snap().messages[0]).toMatchObject({ text: "look at nyc instead", strategy: "interrupt" });
    expect(ui.snap().strategy).toBe("enqueue");
  });

  it("a rejected message stays in view with the server's reason; Ctrl+R pulls it back into the input", async () => {
    const ui = await setup(["ok", "http-422"]);
    ui.submit("first");
    ui.submit("/reject second");
    await ui.until(() => ui.statuses()[1] === "rejected");
    expect(ui.snap().messages[1]).toMatchObject({ httpStatus: 422, detail: "refused with http-422" });
    expect(ui.snap().items.at(-1)).toMatchObject({
      tone: "warning",
      text: "#2 rejected (HTTP 422): refused with http-422 (Ctrl+R to bring it back)",
    });
    expect(ui.snap().dismissed.has(1)).toBe(false);
    ui.controller.key("r", K.ctrl);
    expect(ui.snap().input).toEqual({ value: "second", cursor: 6 });
    expect(ui.snap().dismissed.has(1)).toBe(true);
  });

  it("/retry with nothing refused says so; /dismiss hides every refusal", async () => {
    const ui = await setup(["http-422", "http-409"]);
    ui.submit("/retry");
    // A passing word above the input, not a line of the transcript.
    expect(ui.snap().notice?.text).toBe("nothing to pull back: every message ran to its end");
    expect(ui.said()).not.toMatch(/to pull back/);
    ui.submit("a");
    ui.submit("b");
    await ui.until(() => ui.statuses().join() === "rejected,rejected");
    ui.submit("/dismiss");
    expect([...ui.snap().dismissed]).toEqual([0, 1]);
    expect(ui.snap().notice?.text).toBe("dismissed 2 row(s)");
    ui.submit("/dismiss");
    expect(ui.snap().notice?.text).toBe("nothing to dismiss");
  });

  it("prints each finished run's messages into the transcript, server text neutralised", async () => {
    const ui = await setup();
    ui.fake.thread.push(
      { type: "human", id: "h1", content: "hello" },
      { type: "ai", id: "a1", content: "evil \x1b]0;t\x07 done" },
    );
    ui.submit("hello");
    ui.fake.releaseRuns();
    await ui.until(() => ui.snap().items.length === 2);
    expect(ui.said()).toMatch(/=+ Human Message =+\n\nhello/);
    expect(ui.said()).toMatch(/=+ Ai Message =+\n\nevil \\x1b\]0;t\\x07 done/);
    expect(ui.said()).not.toContain("\x1b");
    await ui.until(() => ui.statuses()[0] === "success");
  });

  it("an unknown command is a warning that keeps the line; /help lists keys and commands", async () => {
    const ui = await setup();
    ui.submit("/frobnicate");
    expect(ui.snap().items.at(-1)).toMatchObject({
      tone: "warning",
      text: expect.stringMatching(/unknown command \/frobnicate/),
    });
    expect(ui.snap().input.value).toBe("/frobnicate");
    ui.controller.key("c", K.ctrl);
    ui.submit("/help");
    expect(ui.said()).toMatch(/Tab\s+next strategy/);
    expect(ui.said()).toMatch(/\/cancel all/);
  });

  it("Esc asks the server to cancel the running run", async () => {
    const ui = await setup();
    ui.submit("long one");
    await ui.until(() => ui.statuses()[0] === "running");
    ui.controller.key("", K.esc);
    await ui.controller.settled();
    expect(ui.fake.calls).toContain("cancel:run-1");
    expect(ui.snap().notice?.text).toBe("asked the server to stop 1 run(s)");
    expect(ui.said()).not.toMatch(/asked the server to stop/);
  });

  it("/cancel asks the server to cancel the running run; with nothing running it says so", async () => {
    const ui = await setup();
    ui.submit("/cancel");
    await ui.controller.settled();
    expect(ui.snap().notice?.text).toBe("no run to cancel");
    ui.submit("/help");
    expect(ui.snap().notice).toBeUndefined(); // gone with the next command
    ui.submit("long one");
    await ui.until(() => ui.statuses()[0] === "running");
    ui.submit("/cancel");
    await ui.controller.settled();
    expect(ui.fake.calls.filter((c) => c.startsWith("cancel:"))).toEqual(["cancel:run-1"]);
  });

  it("↑ walks the input history keeping the draft; a trailing backslash makes a new line instead of sending", async () => {
    const ui = await setup();
    ui.controller.key("draft", {});
    ui.controller.key("", K.up);
    expect(ui.snap().input.value).toBe("an older message");
    ui.controller.key("", { downArrow: true });
    expect(ui.snap().input.value).toBe("draft");
    ui.controller.key("u", K.ctrl);
    ui.submit("line one\\");
    ui.controller.key("line two", {});
    expect(ui.snap().input.value).toBe("line one\nline two");
    expect(ui.snap().messages).toHaveLength(0);
  });

  it("Tab says above the input what the new strategy does, to the running and the pending runs, without piling up in the transcript", async () => {
    const ui = await setup();
    const before = ui.snap().items.length;
    ui.controller.key("\t", K.tab);
    expect(ui.snap().notice?.text).toBe(
      "strategy reject: refused (HTTP 422 here, 409 on LangGraph Platform) while a run is running or pending; those go on untouched",
    );
    ui.controller.key("\t", K.tab);
    expect(ui.snap().notice?.text).toMatch(/^strategy interrupt: the running run is stopped, .* pending runs are cancelled/);
    expect(ui.snap().items.length).toBe(before);
  });

  it("Ctrl+C with runs in flight asks once before quitting", async () => {
    const ui = await setup();
    ui.submit("still running");
    await ui.until(() => ui.statuses()[0] === "running");
    ui.controller.key("c", K.ctrl);
    expect(ui.snap().exit).toBeUndefined();
    expect(ui.said()).toMatch(/1 message\(s\) still in flight: Ctrl\+C again to quit/);
    ui.controller.key("c", K.ctrl);
    expect(ui.snap().exit).toEqual({ threadId: "thread-1234567890", unfinished: 1 });
  });

  it("history keeps an edited entry and the draft like a shell: Up, edit, Up, Down, Down", async () => {
    const ui = await setup();
    ui.submit("alpha");
    ui.submit("beta");
    ui.controller.key("draft", {});
    ui.controller.key("", K.up);
    expect(ui.snap().input.value).toBe("beta");
    ui.controller.key("u", K.ctrl);
    ui.controller.key("delta", {});
    ui.controller.key("", K.up);
    expect(ui.snap().input.value).toBe("alpha");
    ui.controller.key("", { downArrow: true });
    expect(ui.snap().input.value).toBe("delta");
    ui.controller.key("", { downArrow: true });
    expect(ui.snap().input.value).toBe("draft");
  });

  it("in a multi-line input, Up and Down move between its lines before walking the history", async () => {
    const ui = await setup();
    ui.submit("line one\\");
    ui.controller.key("line two", {});
    ui.controller.key("", K.up);
    expect(ui.snap().input).toEqual({ value: "line one\nline two", cursor: 8 });
    ui.controller.key("", { downArrow: true });
    expect(ui.snap().input.cursor).toBe(17);
    ui.controller.key("", K.up);
    ui.controller.key("", K.up);
    expect(ui.snap().input.value).toBe("an older message");
  });

  it("Ctrl+C clears a non-empty input, and on an empty input leaves with the thread id", async () => {
    const ui = await setup();
    ui.controller.key("draft", {});
    ui.controller.key("c", K.ctrl);
    expect(ui.snap().input.value).toBe("");
    expect(ui.snap().exit).toBeUndefined();
    ui.controller.key("c", K.ctrl);
    expect(ui.snap().exit).toEqual({ threadId: "thread-1234567890", unfinished: 0 });
  });

  it("/answer, /approve and /continue with no question open are refused, and the line stays to be mended", async () => {
    const ui = await setup();
    for (const line of ["/answer yes", "/approve", "/continue"]) {
      ui.submit(line);
      expect(ui.snap().items.at(-1)).toMatchObject({
        tone: "warning",
        text: "nothing to answer: the agent is not waiting for input",
      });
      expect(ui.snap().input.value).toBe(line);
      ui.controller.key("u", K.ctrl);
    }
    expect(ui.fake.runs).toHaveLength(0);
  });

  it("with hold on, /send goes at once while a typed message waits", async () => {
    const ui = await setup();
    ui.submit("/hold on");
    ui.submit("first");
    ui.submit("second");
    ui.submit("/send third");
    expect(ui.statuses()).toEqual(["sending", "held", "sending"]);
  });

  it("/new starts a new thread and /thread switches to one", async () => {
    const ui = await setup();
    ui.submit("/new");
    await ui.controller.settled();
    expect(ui.snap().threadId).toBe("thread-new");
    expect(ui.said()).toMatch(/new thread thread-new/);
    ui.submit("/thread 0123456789abcdef");
    await ui.controller.settled();
    expect(ui.snap().threadId).toBe("0123456789abcdef");
    expect(ui.said()).toMatch(/switched to thread 0123456789abcdef/);
  });

  it("a failing /thread is a one-line warning and the session stays", async () => {
    const ui = await setup([], async () => {
      throw new Error("unknown thread nope on local");
    });
    ui.submit("/thread nope");
    await ui.controller.settled();
    expect(ui.snap().items.at(-1)).toMatchObject({ tone: "warning", text: "unknown thread nope on local" });
    expect(ui.snap().threadId).toBe("thread-1234567890");
  });

  describe("/threads and /thread <n>", () => {
    const ids = ["01a24930-381f-74c9-a331-9da2eb60c39b", "thread-1234567890", "01a24930-3fe9-748a-b33d-3dcf058b67e8"];
    const rows = ids.map((thread_id, i) => ({
      thread_id,
      status: i === 1 ? "busy" : "idle",
      updated_at: new Date(Date.now() - (i + 1) * 90_000).toISOString(),
      last_message: i === 0 ? "It's 85°F and sunny in New York City" : null,
    }));
    const recentThreads = { ids: async () => ids, rows: async () => rows };

    it("lists the recent threads numbered, by their ids' distinguishing parts, the one in view marked", async () => {
      const ui = await setup([], undefined, { recentThreads });
      await ui.until((s) => s.knownThreads.length === 3);
      ui.submit("/threads");
      await ui.controller.settled();
      expect(ui.snap().items.at(-1)?.text).toBe(
        [
          "recent threads, newest first (* in view); /thread <n> opens one:",
          "  1  eb60c39b  idle  1m ago  It's 85°F and sunny in New York City",
          "* 2  34567890  busy  3m ago",
          "  3  058b67e8  idle  4m ago",
        ].join("\n"),
      );
    });

    it("/thread <n> opens the n-th listed thread; a number not listed, or before any list, changes nothing", async () => {
      const opened: Array<string | undefined> = [];
      const ui = await setup([], undefined, {
        recentThreads,
        openSession: (id) => {
          opened.push(id);
          return Session.open({ client: ui.fake.client, assistantId: "agent", threadId: id ?? "new", fresh: true });
        },
      });
      ui.submit("/thread 3");
      expect(ui.snap().items.at(-1)).toMatchObject({
        tone: "warning",
        text: expect.stringMatching(/^nothing listed to pick 3 from/),
      });
      expect(ui.snap().input.value).toBe("/thread 3");
      ui.controller.key("u", K.ctrl);
      ui.submit("/threads");
      await ui.controller.settled();
      ui.submit("/thread 4");
      expect(ui.snap().items.at(-1)).toMatchObject({ tone: "warning", text: "no thread 4 in the last /threads list (1-3)" });
      ui.controller.key("u", K.ctrl);
      ui.submit("/thread 3");
      await ui.controller.settled();
      expect(opened).toEqual([ids[2]]);
      expect(ui.snap().threadId).toBe(ids[2]);
    });

    it("without a way to list threads, /threads says so", async () => {
      const ui = await setup();
      ui.submit("/threads");
      await ui.controller.settled();
      expect(ui.said()).toMatch(/threads cannot be listed here/);
    });
  });

  it("/new is refused while a message is in flight, so nothing in the queue is lost", async () => {
    const ui = await setup();
    ui.submit("still running");
    ui.submit("/new");
    await ui.controller.settled();
    expect(ui.said()).toMatch(/1 message\(s\) still in the queue: wait for them, \/cancel all, or \/dismiss first/);
    expect(ui.snap().threadId).toBe("thread-1234567890");
  });

  it("a message sent while a thread is opening keeps the user on this thread", async () => {
    let open: (s: Session) => void = () => {};
    const ui = await setup([], () => new Promise<Session>((resolve) => (open = resolve)));
    ui.submit("/new");
    ui.submit("sent meanwhile");
    const other = await Session.open({ client: ui.fake.client, assistantId: "agent", threadId: "other", fresh: true });
    open(other);
    await ui.controller.settled();
    expect(ui.said()).toMatch(/a message was sent meanwhile; stayed on this thread/);
    expect(ui.snap().threadId).toBe("thread-1234567890");
  });

  it("a message that cannot be sent is failed with the reason and offline; Ctrl+R then Enter resends it", async () => {
    const ui = await setup(["refused", "refused", "refused"]);
    ui.submit("hello?");
    await ui.until(() => ui.statuses()[0] === "failed");
    expect(ui.snap().messages[0]?.detail).toMatch(/Unable to connect to LangGraph server/);
    expect(ui.snap().connection).toBe("offline");
    ui.controller.key("r", K.ctrl);
    ui.controller.key("\r", K.enter);
    await ui.until(() => ui.statuses()[1] === "running");
    expect(ui.snap().messages[1]).toMatchObject({ text: "hello?", retryOf: 0 });
    expect(ui.snap().connection).toBe("connected");
  });

  describe("while the agent waits for an answer", () => {
    const REVIEW = {
      action_requests: [{ name: "book_table", args: { request: "table for 2" } }],
      review_configs: [{ action_name: "book_table", allowed_decisions: ["approve", "edit", "reject"] }],
    };

    async function asked(interrupts: unknown[]) {
      const ui = await setup();
      ui.fake.ask(1, interrupts);
      ui.fake.releaseRuns();
      ui.submit("table for 2");
      await ui.until((s) => s.question !== undefined);
      return ui;
    }

    it("shows the question in the transcript, and Enter answers it with what the schema expects", async () => {
      const ui = await asked([{ id: "i1", value: REVIEW }]);
      expect(ui.statuses()).toEqual(["waiting"]);
      expect(ui.snap().items.at(-1)).toMatchObject({
        tone: "question",
        text: expect.stringMatching(/#1 asks:\nReview 1 action/),
      });
      ui.submit("reject: too dear");
      await ui.until(() => ui.statuses()[0] === "answered");
      expect(ui.fake.runs[1]?.command).toEqual({ resume: { decisions: [{ type: "reject", message: "too dear" }] } });
      expect(ui.snap().messages[1]).toMatchObject({ kind: "answer", text: "reject: too dear" });
      expect(ui.snap().question).toBeUndefined();
    });

    it("/edit alone puts the action's args in the input to be edited, then sends them", async () => {
      const ui = await asked([{ id: "i1", value: REVIEW }]);
      ui.submit("/edit");
      expect(ui.snap().input.value).toBe('/edit {"request":"table for 2"}');
      ui.controller.key("u", K.ctrl);
      ui.submit('/edit {"request":"table for 4"}');
      await ui.until(() => ui.fake.runs.length === 2);
      expect(ui.fake.runs[1]?.command).toEqual({
        resume: { decisions: [{ type: "edit", edited_action: { name: "book_table", args: { request: "table for 4" } } }] },
      });
    });

    it("a review of two actions asks for each in turn, says which it is on, and sends one decision per action", async () => {
      const TWO = {
        actionRequests: [
          { name: "search_flights", args: { to: "rome" } },
          { name: "book_hotel", args: { city: "rome" } },
        ],
        reviewConfigs: [
          { actionName: "search_flights", allowedDecisions: ["approve", "edit", "reject"] },
          { actionName: "book_hotel", allowedDecisions: ["approve", "reject"] },
        ],
      };
      const ui = await asked([{ id: "i1", value: TWO }]);
      expect(reviewStep(ui.snap().question, ui.snap().decisions)).toBe("action 1 of 2: search_flights (approve, edit, reject)");
      ui.submit("/edit");
      expect(ui.snap().input.value).toBe('/edit {"to":"rome"}');
      ui.controller.key("u", K.ctrl);
      ui.submit('/edit {"to":"paris"}');
      expect(ui.said()).toMatch(/now action 2 of 2: book_hotel \(approve, reject\)/);
      expect(ui.fake.runs).toHaveLength(1);
      ui.submit("/edit");
      ui.controller.key("u", K.ctrl);
      ui.submit('/edit {"city":"paris"}');
      expect(ui.said()).toMatch(/action 2 of 2: book_hotel takes approve, reject, not edit/);
      expect(ui.snap().input.value).toBe('/edit {"city":"paris"}');
      ui.controller.key("u", K.ctrl);
      ui.submit("reject: too dear");
      await ui.until(() => ui.fake.runs.length === 2);
      expect(ui.fake.runs[1]?.command).toEqual({
        resume: {
          decisions: [
            { type: "edit", editedAction: { name: "search_flights", args: { to: "paris" } } },
            { type: "reject", message: "too dear" },
          ],
        },
      });
    });

    it("an answer the schema does not take is a warning, and the line stays to be mended", async () => {
      const ui = await asked([{ id: "i1", value: REVIEW }]);
      ui.submit("maybe");
      expect(ui.said()).toMatch(
        /this question takes approve, edit, reject; \/send <message> sends a new message instead \(the question is then dropped\)/,
      );
      expect(ui.snap().input.value).toBe("maybe");
      expect(ui.fake.runs).toHaveLength(1);
    });

    it("with several open questions, /answer #2 answers that one by its id", async () => {
      const ui = await asked([
        { id: "a", value: "first?" },
        { id: "b", value: "second?" },
      ]);
      ui.submit("/answer #2 yes");
      await ui.until(() => ui.fake.runs.length === 2);
      expect(ui.fake.runs[1]?.command).toEqual({ resume: { b: "yes" } });
    });

    it("a new message over an open question asks first, then goes and the question is reported dropped", async () => {
      const ui = await asked([{ id: "i1", value: "go on?" }]);
      ui.submit("/send something else");
      expect(ui.said()).toMatch(/a new message drops its question\. Enter again to send it anyway/);
      expect(ui.snap().input.value).toBe("/send something else");
      expect(ui.fake.runs).toHaveLength(1);
      ui.controller.key("\r", K.enter);
      await ui.until(() => ui.statuses()[0] === "dropped");
      expect(ui.fake.runs[1]).toMatchObject({ text: "something else" });
      expect(ui.said()).toMatch(/#1's question was dropped: #2 ran as a new message/);
    });

    it("/hold keeps a new message in chat while a run may still ask, and sends it once the question is answered", async () => {
      const ui = await setup();
      ui.submit("/hold");
      expect(ui.snap().hold).toBe(true);
      ui.fake.ask(1, [{ id: "i1", value: "go on?" }]);
      ui.fake.releaseRuns();
      ui.submit("first");
      ui.submit("second");
      expect(ui.statuses()).toEqual(["sending", "held"]);
      await ui.until((s) => s.question !== undefined);
      expect(ui.statuses()).toEqual(["waiting", "held"]);
      ui.submit("yes");
      await ui.until(() => ui.statuses().join() === "answered,success,success");
      expect(ui.fake.runs.map((r) => r.text || JSON.stringify(r.command))).toEqual(["first", '{"resume":"yes"}', "second"]);
    });

    it("a question a queued message will drop cannot be answered, and says so in the UI's words (/hold, no invitation to answer)", async () => {
      const ui = await setup();
      ui.fake.ask(1, [{ id: "i1", value: "go on?" }]);
      ui.submit("first");
      ui.submit("second");
      await ui.until(() => ui.statuses()[1] === "pending");
      ui.fake.releaseRuns();
      await ui.until((s) => s.question !== undefined);
      expect(ui.snap().question?.doomedBy).toBe(1);
      expect(ui.said()).toMatch(
        /#2 is already queued: it runs next as a new message and the server drops this question \(\/hold keeps later messages back until it is answered\)\.\nIt cannot be answered: #2 runs first\./,
      );
      expect(ui.said()).not.toMatch(/--hold|Type your answer/);
      ui.submit("yes");
      expect(ui.said()).toMatch(/#2 is already queued and runs next as a new message: the server drops this question/);
      expect(ui.fake.runs).toHaveLength(2);
    });

    it("a question the stream did not show (read left early) is found on the thread when the run ends", async () => {
      const ui = await setup();
      Object.assign(ui.fake.threadInfo, { status: "interrupted", interrupts: { task1: [{ id: "i9", value: "missed?" }] } });
      ui.fake.releaseRuns();
      ui.submit("first");
      await ui.until((s) => s.question !== undefined);
      expect(ui.snap().question?.interrupts).toEqual([{ id: "i9", value: "missed?" }]);
      expect(ui.statuses()).toEqual(["waiting"]);
    });

    it("a second Enter while the first answer is on its way sends no second answer", async () => {
      const ui = await asked([]);
      ui.controller.key("\r\r", {});
      await ui.controller.settled();
      await ui.until(() => ui.statuses()[0] === "answered");
      expect(ui.fake.runs).toHaveLength(2);
      expect(ui.said()).toMatch(/#2 already answers it/);
    });

    it("with hold on, a message sent just as a run ends still waits behind the held ones, in typed order", async () => {
      const ui = await setup();
      ui.submit("/hold on");
      ui.submit("first");
      ui.submit("second");
      ui.session.subscribe((e) => {
        if (e.type === "status" && e.message.index === 0 && e.message.status === "success") ui.submit("third");
      });
      ui.fake.releaseRuns();
      await ui.until(() => ui.statuses().join() === "success,success,success");
      expect(ui.fake.runs.map((r) => r.text)).toEqual(["first", "second", "third"]);
    });

    it("at a breakpoint, Enter on an empty line goes on (null input)", async () => {
      const ui = await asked([]);
      expect(ui.said()).toMatch(/#1 paused, at a breakpoint\.\nPress Enter to go on/);
      ui.controller.key("\r", K.enter);
      await ui.until(() => ui.fake.runs.length === 2);
      expect(ui.fake.runs[1]?.command).toBeNull();
      expect(ui.snap().messages[1]?.text).toBe("(continue)");
    });
  });
});
