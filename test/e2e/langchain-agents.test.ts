// Agents built with LangChain's own frameworks, on the real server: a `deepagents` deep agent whose
// subagent is seen streaming live under the parent's `task` call, and both it and a `langchain`
// createAgent with humanInTheLoopMiddleware double-texted with every strategy.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { loadPty } from "../helpers/pty.js";

const pty = await loadPty();
const AGENTS = fileURLToPath(new URL("../fixtures/langchain-agents.mjs", import.meta.url));
// Each model call waits 600 ms, then streams: a deep agent's run takes about two seconds.
const e2e = e2eSetup({ server: { latencyMs: 600, graphs: { deep: `${AGENTS}:deep`, trip: `${AGENTS}:trip` } } });

const chat = (args: string[]) => e2e.cli(["--url", e2e.url, ...args]);

it.skipIf(!pty)(
  "a deep agent's subagent streams live under the parent's task call, by name; the transcript stays the thread's",
  async () => {
    if (!pty) return;
    const s = e2e.terminal(pty, {}, 80, 24, ["--url", e2e.url, "--assistant", "deep"]);
    await s.waitFor(/strategy enqueue · connected/);
    await s.enter("weather in sf?");
    // While the subagent works: the parent's call, the subagent's name and its own streaming text.
    await s.waitFor(
      /→ task\(\{"description":"Find out: weather in sf\?"[^\n]*\n[│ ]*↳ researcher *│?\n[│ ]* {4}I looked into it/,
    );
    // Then the thread's own messages, as pretty_print prints them: the subagent's text only as the tool's answer.
    await s.waitFor(/Ai Message =+\nName: model\n\nThe subagent says: I looked into it \(weather in sf\?\)/);
    expect(s.text()).toMatch(/Tool Message =+\nName: task\n\nI looked into it/);
    await s.waitFor(/› +message \(enqueue\)/);
    expect(s.text()).not.toMatch(/↳ researcher/);
    s.write("\x03");
    expect(await s.exited).toBe(0);
  },
);

it("an interrupt() inside a subagent (deepagents interruptOn) is shown and answered like any other", async () => {
  const asked = await chat(["--assistant", "deep", "-m", "book a table for 2"]);
  expect(asked.stdout).toMatch(/#1 asks:\nReview 1 action before the agent goes on:\n {2}book_table\n/);
  expect(asked.stdout).not.toMatch(/ +\n/);
  expect(asked.code).toBe(5);
  const thread = /--thread ([0-9a-f-]{36})/.exec(asked.stderr)?.[1] ?? "";
  const answered = await chat(["--thread", thread, "--answer", "approve"]);
  expect(answered.stdout).toMatch(/Name: task\n\nBooker: booked book a table for 2\n[\s\S]*The subagent says: Booker: booked/);
  expect(answered.code).toBe(0);
});

describe("double-texted with each strategy", () => {
  const SF = "weather in sf?";
  const NYC = "and nyc?";

  it("deep agent, reject: the second is refused (exit 4) and the first's subagent answers", async () => {
    const r = await chat(["--assistant", "deep", "--strategy", "reject", "-m", SF, "-m", NYC]);
    expect(r.stderr).toMatch(/^\[2\] rejected \(HTTP 422\)/m);
    expect(r.stdout).toMatch(/The subagent says: I looked into it \(weather in sf\?\)/);
    expect(r.code).toBe(4);
  });

  it("deep agent, interrupt and rollback: the first is stopped while its subagent may be working, the second answers", async () => {
    for (const strategy of ["interrupt", "rollback"]) {
      const r = await chat(["--assistant", "deep", "--strategy", strategy, "-m", SF, "-m", NYC]);
      expect(r.stderr).toMatch(/^\[1\] (interrupted|never ran|stopped|rolled back)\b/m);
      expect(r.stderr).toMatch(/^\[2\] success · \d+ tokens/m);
      expect(r.stdout).toMatch(/The subagent says: I looked into it \(and nyc\?\): [^\n]+\n$/);
      expect(r.code).toBe(0);
    }
  });

  it("deep agent, enqueue: both run in order, each with its own subagent answer", async () => {
    const r = await chat(["--assistant", "deep", "--strategy", "enqueue", "-m", SF, "-m", NYC, "--json"]);
    const events = r.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const finished = events.filter((e) => e.type === "finished");
    expect(finished.map((e) => e.status)).toEqual(["success", "success"]);
    // Each run's tokens count its own model calls only (the subagent's messages are not the thread's).
    expect(finished.every((e) => (e.usage as { total_tokens: number }).total_tokens > 0)).toBe(true);
    const said = events.flatMap((e) => (e.type === "messages" ? (e.messages as Array<{ type: string; content: string }>) : []));
    expect(said.filter((m) => m.type === "ai" && m.content).map((m) => m.content)).toEqual([
      "The subagent says: I looked into it (weather in sf?): it is sunny and 18 degrees, with a light breeze from the west.",
      "The subagent says: I looked into it (and nyc?): it is sunny and 18 degrees, with a light breeze from the west.",
    ]);
  });

  it("createAgent review: reject refuses the second, interrupt and rollback stop the first before it asks, enqueue drops its question", async () => {
    const rejected = await chat(["--assistant", "trip", "--strategy", "reject", "-m", "trip to rome", "-m", "trip to oslo"]);
    expect(rejected.stderr).toMatch(/^\[2\] rejected \(HTTP 422\)/m);
    expect(rejected.stderr).toMatch(/^\[1\] waiting for input: review search_flights, book_hotel/m);
    expect(rejected.code).toBe(5);
    // Both messages at once, then one approve for the question that stays open.
    const both = (strategy: string) =>
      chat(["--assistant", "trip", "--strategy", strategy, "-m", "trip to rome", "-m", "trip to oslo", "--answer", "approve"]);
    for (const strategy of ["interrupt", "rollback"]) {
      const r = await both(strategy);
      expect(r.stderr).toMatch(/^\[1\] (interrupted|never ran|stopped|rolled back)\b/m);
      expect(r.stdout).toMatch(/Trip: 3 flights to oslo; hotel in oslo booked\.\n$/);
      expect(r.code).toBe(0);
    }
    const queued = await both("enqueue");
    expect(queued.stderr).toContain("[1] question dropped: #2 ran as a new message, so the server dropped the question\n");
    expect(queued.stdout).toMatch(/Trip: 3 flights to oslo; hotel in oslo booked\.\n$/);
    expect(queued.code).toBe(0);
  });
});
