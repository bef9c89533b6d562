// The Ink face over a real engine session whose SDK client is faked: keys, commands, queue,
// transcript. Screens are asserted from ink-testing-library frames.
import { render } from "ink-testing-library";
import { describe, expect, it, vi } from "vitest";
import { App, type AppProps } from "../../src/interactive/App.js";
import { Session } from "../../src/engine/session.js";
import { memoryHistory } from "../../src/interactive/input-history.js";
import { plainTheme } from "../../src/pretty-print/pretty.js";
import { fakeDeployment, type CreateBehaviour } from "../helpers/fake-client.js";

const KEY = { enter: "\r", tab: "\t", esc: "\x1b", ctrlC: "\x03", ctrlR: "\x12", up: "\x1b[A" };

async function until(check: () => boolean, what: () => string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting; last frame:\n${what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function setup(behaviours: CreateBehaviour[] = [], overrides: Partial<AppProps> = {}) {
  const fake = fakeDeployment(behaviours);
  const session = await Session.open({ client: fake.client, assistantId: "agent", threadId: "thread-1234567890", retryDelayMs: 5 });
  const onExit = vi.fn();
  const app = render(
    <App
      initialSession={session}
      openSession={async (id) => Session.open({ client: fake.client, assistantId: "agent", threadId: id ?? "thread-new" })}
      deployment="local"
      assistant="agent"
      initialStrategy="enqueue"
      history={memoryHistory(["an older message"])}
      theme={() => plainTheme}
      onExit={onExit}
      {...overrides}
    />,
  );
  const frame = () => app.lastFrame() ?? "";
  const all = () => app.frames.join("\n");
  const type = async (text: string) => {
    app.stdin.write(text);
    await new Promise((r) => setTimeout(r, 20));
  };
  const waitFor = (pattern: RegExp) => until(() => pattern.test(frame()), frame);
  return { fake, session, app, frame, all, type, waitFor, onExit };
}

describe("interactive UI", () => {
  it("shows deployment, assistant, thread and strategy, and Tab cycles the strategy at once", async () => {
    const ui = await setup();
    expect(ui.frame()).toMatch(/local · agent · thread thread-1 · strategy enqueue · connected/);
    await ui.type(KEY.tab);
    await ui.waitFor(/strategy reject/);
    await ui.type(KEY.tab);
    await ui.waitFor(/strategy interrupt/);
  });

  it("sends on Enter while a run is in flight, keeps the input usable, and lists both in the queue", async () => {
    const ui = await setup();
    await ui.type("what's the weather in sf?");
    await ui.type(KEY.enter);
    await ui.type("what's the weather in nyc?");
    await ui.type(KEY.enter);
    await ui.waitFor(/#2 pending enqueue/);
    expect(ui.frame()).toMatch(/#1 running enqueue .*what's the weather in sf\?/);
    expect(ui.fake.runs.map((r) => [r.text, r.strategy])).toEqual([
      ["what's the weather in sf?", "enqueue"],
      ["what's the weather in nyc?", "enqueue"],
    ]);
    await ui.type("still typing");
    expect(ui.frame()).toMatch(/› still typing/);
  });

  it("/interrupt <text> sends one message with that strategy only", async () => {
    const ui = await setup();
    await ui.type("/interrupt look at nyc instead");
    await ui.type(KEY.enter);
    await ui.waitFor(/#1 \w+ interrupt/);
    expect(ui.fake.runs[0]).toMatchObject({ text: "look at nyc instead", strategy: "interrupt" });
    expect(ui.frame()).toMatch(/strategy enqueue/);
  });

  it("a rejected message stays in red in the queue and Ctrl+R pulls it back into the input", async () => {
    const ui = await setup(["ok", "http-422"]);
    await ui.type("first");
    await ui.type(KEY.enter);
    await ui.type("/reject second");
    await ui.type(KEY.enter);
    await ui.waitFor(/#2 rejected reject/);
    expect(ui.frame()).toMatch(/refused with http-422/);
    await ui.type(KEY.ctrlR);
    await ui.waitFor(/› second/);
    expect(ui.frame()).not.toMatch(/#2 rejected/);
  });

  it("prints each finished run's messages into the transcript", async () => {
    const ui = await setup();
    ui.fake.thread.push({ type: "human", id: "h1", content: "hello" }, { type: "ai", id: "a1", content: "hi there" });
    await ui.type("hello");
    await ui.type(KEY.enter);
    ui.fake.releaseRuns();
    await until(() => /=+ Ai Message =+\n\nhi there/.test(ui.all()), ui.all);
    expect(ui.all()).toMatch(/=+ Human Message =+\n\nhello/);
    await ui.waitFor(/✓ #1 success/);
  });

  it("answers unknown commands with a hint, and /help lists keys and commands", async () => {
    const ui = await setup();
    await ui.type("/frobnicate");
    await ui.type(KEY.enter);
    await until(() => /unknown command \/frobnicate/.test(ui.all()), ui.all);
    await ui.type(KEY.ctrlC);
    await ui.type("/help");
    await ui.type(KEY.enter);
    await until(() => /Tab\s+next strategy/.test(ui.all()) && /\/cancel all/.test(ui.all()), ui.all);
  });

  it("Esc and /cancel ask the server to cancel the running run", async () => {
    const ui = await setup();
    await ui.type("long one");
    await ui.type(KEY.enter);
    await ui.waitFor(/#1 running/);
    await ui.type(KEY.esc);
    await until(() => ui.fake.calls.includes("cancel:run-1"), ui.frame);
  });

  it("walks the input history with ↑, and multi-line input with a trailing backslash", async () => {
    const ui = await setup();
    await ui.type(KEY.up);
    await ui.waitFor(/› an older message/);
    await ui.type(KEY.ctrlC);
    await ui.type("line one\\");
    await ui.type(KEY.enter);
    await ui.type("line two");
    await ui.waitFor(/› line one\n\s+line two/);
    expect(ui.fake.runs).toHaveLength(0);
  });

  it("Ctrl+C clears a non-empty input, and on an empty input exits with the thread id", async () => {
    const ui = await setup();
    await ui.type("draft");
    await ui.type(KEY.ctrlC);
    await ui.waitFor(/› +message \(enqueue\)/);
    expect(ui.onExit).not.toHaveBeenCalled();
    await ui.type(KEY.ctrlC);
    expect(ui.onExit).toHaveBeenCalledWith({ threadId: "thread-1234567890", unfinished: 0 });
  });

  it("shows server text with escape sequences neutralised", async () => {
    const ui = await setup();
    ui.fake.thread.push({ type: "ai", id: "x1", content: "evil \x1b]0;title\x07 \x1b[2J done" });
    await ui.type("hi");
    await ui.type(KEY.enter);
    ui.fake.releaseRuns();
    await until(() => /evil \\x1b\]0;title\\x07 \\x1b\[2J done/.test(ui.all()), ui.all);
    expect(ui.all()).not.toMatch(/\x1b\]0;|\x1b\[2J/);
  });

  it("/new starts a new thread and /thread switches to one; the status bar follows", async () => {
    const ui = await setup();
    await ui.type("/new");
    await ui.type(KEY.enter);
    await ui.waitFor(/thread thread-n ·/);
    await until(() => /new thread thread-new/.test(ui.all()), ui.all);
    await ui.type("/thread 0123456789abcdef");
    await ui.type(KEY.enter);
    await ui.waitFor(/thread 01234567 ·/);
  });

  it("a failing /thread is a one-line warning and the session stays", async () => {
    const ui = await setup([], {
      openSession: async () => {
        throw new Error("unknown thread nope on local");
      },
    });
    await ui.type("/thread nope");
    await ui.type(KEY.enter);
    await until(() => /unknown thread nope on local/.test(ui.all()), ui.all);
    expect(ui.frame()).toMatch(/thread thread-1 ·/);
  });

  it("a message that cannot be sent stays in the queue as failed with the reason, and the status bar says offline", async () => {
    const ui = await setup(["lost", "lost", "lost"]);
    await ui.type("hello?");
    await ui.type(KEY.enter);
    await ui.waitFor(/#1 failed enqueue/);
    expect(ui.frame()).toMatch(/Unable to connect to LangGraph server/);
    expect(ui.frame()).toMatch(/· offline/);
    await ui.type(KEY.ctrlR);
    await ui.waitFor(/› hello\?/);
    await ui.type(KEY.enter);
    await ui.waitFor(/#2 (pending|running) enqueue/);
    expect(ui.frame()).toMatch(/· connected/);
  });

  it("/new is refused while a message is still in flight, so nothing in the queue is lost", async () => {
    const ui = await setup();
    await ui.type("still running");
    await ui.type(KEY.enter);
    await ui.waitFor(/#1 running/);
    await ui.type("/new");
    await ui.type(KEY.enter);
    await until(() => /1 message\(s\) still in the queue: wait for them, \/cancel all, or \/dismiss first/.test(ui.all()), ui.all);
    expect(ui.frame()).toMatch(/thread thread-1 ·/);
    expect(ui.frame()).toMatch(/#1 running/);
  });
});
