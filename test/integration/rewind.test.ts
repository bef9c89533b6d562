// Rewinding on the real LangGraph.js API server: /rewind #n in the chat (through its controller,
// over a real session) forks the thread from the checkpoint before #n's run, so the next message
// replaces #n and everything after it, past an answered question too; `chat history` lists the
// fork points and `--fork` forks a scripted chat there; a checkpoint the thread lacks is refused.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ChatController, type ChatSnapshot } from "../../src/interactive/controller.js";
import { memoryHistory } from "../../src/interactive/input-history.js";
import { plainTheme } from "../../src/pretty-print/pretty.js";
import { messagesOf } from "../../src/engine/message.js";
import { tokenTotal } from "../../src/interactive/tokens.js";
import { recordedSession } from "../helpers/local-server.js";
import { e2eSetup } from "../helpers/e2e.js";
import { snapshotUntil } from "../helpers/snapshot-wait.js";

const ASK = `${fileURLToPath(new URL("../fixtures/ask-graph.mjs", import.meta.url))}:graph`;
// A temp home for the chats the CLI runs, and the real server, always stopped.
const e2e = e2eSetup({ server: { latencyMs: 50, graphs: { ask: ASK } } });

async function chatOn(assistant: string) {
  const server = e2e.server;
  const s = await recordedSession(server, assistant);
  const controller = new ChatController({
    session: s.session,
    openSession: async () => s.session,
    strategy: "enqueue",
    history: memoryHistory([]),
    theme: () => plainTheme,
  });
  const snap = () => controller.getSnapshot();
  const said = () =>
    snap()
      .items.map((i) => i.text)
      .join("\n");
  const submit = (text: string) => {
    controller.key("u", { ctrl: true }); // Ctrl+U: whatever is in the input goes
    controller.key(text, {});
    controller.key("\r", { return: true });
  };
  const until = (what: string, check: (s: ChatSnapshot) => boolean) => snapshotUntil(controller, what, check, 20_000);
  const humans = async () =>
    messagesOf((await server.client.threads.getState(s.threadId)).values)
      .filter((m) => m.type === "human")
      .map((m) => m.content);
  return { ...s, controller, snap, said, submit, until, humans };
}

const ended = (n: number) => (s: ChatSnapshot) =>
  s.messages.length >= n && s.messages.every((m) => m.status !== "pending" && m.status !== "running" && m.status !== "sending");

describe("rewind (real server)", () => {
  it("/rewind #2 puts #2's text in the input; the next message forks before #2 and replaces it and what followed", async () => {
    const chat = await chatOn("agent");
    chat.submit("what's the weather in sf?");
    chat.submit("what's the weather in nyc?");
    chat.submit("and in la?");
    await chat.until("three runs ended", ended(3));
    chat.submit("/rewind #2");
    await chat.until("#2's text in the input", (s) => s.input.value === "what's the weather in nyc?");
    expect(chat.said()).toMatch(/rewound to before #2: the next message replaces it and all after it/);
    chat.submit("what's the weather in tokyo?");
    await chat.until("#4 ended", ended(4));
    expect(chat.snap().messages[3]?.status).toBe("success");
    expect(chat.said()).toMatch(/── rewound to before #2 ──[\s\S]*Human Message =+\n\nwhat's the weather in tokyo\?/);
    expect(await chat.humans()).toEqual(["what's the weather in sf?", "what's the weather in tokyo?"]);
    // The status bar's total is the branch's: #1's and #4's tokens, not #2's and #3's any more.
    const tokens = (i: number) => chat.snap().messages[i]?.usage?.total_tokens ?? 0;
    expect(tokens(1)).toBeGreaterThan(0);
    expect(tokenTotal(chat.snap().tokens)?.total_tokens).toBe(tokens(0) + tokens(3));
  });

  it("a rewind past an answered question: the question and its answer go with the branch", async () => {
    const chat = await chatOn("ask");
    chat.submit("book a table for 2");
    await chat.until("#1 waits", (s) => s.messages[0]?.status === "waiting");
    chat.submit("yes");
    await chat.until("#1 answered, #2 ended", (s) => s.messages[0]?.status === "answered" && ended(2)(s));
    chat.submit("book a table for 4");
    await chat.until("#3 waits", (s) => s.messages[2]?.status === "waiting");
    chat.submit("no");
    await chat.until("#3 answered", (s) => s.messages[2]?.status === "answered" && ended(4)(s));
    chat.submit("/rewind #3");
    await chat.until("#3's text in the input", (s) => s.input.value === "book a table for 4");
    chat.submit("book a table for 6");
    await chat.until("#5 waits", (s) => s.messages[4]?.status === "waiting");
    expect(await chat.humans()).toEqual(["book a table for 2", "book a table for 6"]);
    const thread = await e2e.server.client.threads.get(chat.threadId);
    expect(thread.status).toBe("interrupted");
  });

  it("rewinding past the open question: the next line forks as a new message (not the answer), and an answer is not rewound to", async () => {
    const chat = await chatOn("ask");
    chat.submit("book a table for 2");
    await chat.until("#1 waits", (s) => s.messages[0]?.status === "waiting");
    chat.submit("yes");
    await chat.until("#2 ended", (s) => s.messages[0]?.status === "answered" && ended(2)(s));
    chat.submit("/rewind #2");
    await chat.controller.settled();
    expect(chat.said()).toMatch(/#2 is an answer: rewind to the message that asked \(#1\)/);
    chat.submit("book a table for 3");
    await chat.until("#3 waits", (s) => s.messages[2]?.status === "waiting");
    chat.submit("/rewind #3");
    await chat.until("#3's text in the input", (s) => s.input.value === "book a table for 3");
    // An explicit answer to the question the fork would undo is refused; the rewind stays armed.
    chat.submit("/answer yes");
    await chat.controller.settled();
    expect(chat.said()).toMatch(/the next message forks before #3 \(\/rewind\): \/rewind off first to answer here/);
    expect(chat.snap().messages).toHaveLength(3);
    // The question #3 asked is open, but the line goes as the new message that forks.
    chat.submit("book a table for 5");
    await chat.until("#4 waits", (s) => s.messages[3]?.status === "waiting" && s.messages[3]?.kind === "message");
    expect(await chat.humans()).toEqual(["book a table for 2", "book a table for 5"]);
  });

  it("refuses, in one line and changing nothing: the first run, one that never ran, a missing #n, runs in flight", async () => {
    const chat = await chatOn("agent");
    chat.submit("what's the weather in sf?");
    await chat.until("#1 ended", ended(1));
    for (const [line, why] of [
      ["/rewind #1", /#1 was the thread's first run: \/new starts an empty thread/],
      ["/rewind #7", /there is no #7/],
      ["/rewind #0", /usage: \/rewind #n, or \/rewind off/],
    ] as const) {
      chat.submit(line);
      await chat.controller.settled();
      expect(chat.said()).toMatch(why);
    }
    chat.submit("what's the weather in nyc?");
    chat.submit("/rewind #1");
    await chat.controller.settled();
    expect(chat.said()).toMatch(/runs are still in flight or held: rewind once they end/);
    await chat.until("#2 ended", ended(2));
    expect(await chat.humans()).toEqual(["what's the weather in sf?", "what's the weather in nyc?"]);
  });

  it("chat history lists each run with the checkpoint before it; --fork forks a scripted chat there; an unknown checkpoint is exit 2", async () => {
    const { url, server } = e2e;
    const runCli = e2e.cli;
    const first = await runCli(["--url", url, "--json", "-m", "what's the weather in sf?", "-m", "what's the weather in nyc?"]);
    const thread = String(JSON.parse(first.stdout.trim().split("\n").at(-1) ?? "{}").thread_id);
    // Any unique end of its id reaches it, as with --thread.
    const listed = await runCli(["history", "--url", url, "--thread", thread.slice(-12), "--json"]);
    const points = JSON.parse(listed.stdout) as Array<{ run: number; fork_from: string | null; text: string }>;
    expect(points.map((p) => [p.run, p.text])).toEqual([
      [1, "what's the weather in sf?"],
      [2, "what's the weather in nyc?"],
    ]);
    expect(points[0]?.fork_from).toBeNull();
    const table = await runCli(["history", "--url", url, "--thread", thread]);
    expect(table.stdout).toContain(`  2  ${points[1]?.fork_from}`);
    const forked = await runCli([
      "--url",
      url,
      "--thread",
      thread,
      "--fork",
      String(points[1]?.fork_from),
      "-m",
      "what's the weather in la?",
    ]);
    expect(forked.code).toBe(0);
    expect(forked.stdout).toMatch(/Los Angeles/);
    const state = await server.client.threads.getState(thread);
    expect(
      messagesOf(state.values)
        .filter((m) => m.type === "human")
        .map((m) => m.content),
    ).toEqual(["what's the weather in sf?", "what's the weather in la?"]);
    const bad = await runCli(["--url", url, "--thread", thread, "--fork", "nonsense", "-m", "hi"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/has no checkpoint nonsense \(chat history --thread .* lists them\)/);
    expect((await server.client.threads.getState(thread)).values).toEqual(state.values);
  });
});
