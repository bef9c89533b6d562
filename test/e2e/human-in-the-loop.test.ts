// Agents that stop and ask, end to end: the built CLI against the real LangGraph.js API server
// serving the built-in `approve` agent (langchain's createAgent + humanInTheLoopMiddleware) and a
// breakpoint graph.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";

const BREAKPOINT = `${fileURLToPath(new URL("../fixtures/breakpoint-graph.mjs", import.meta.url))}:graph`;
const AGENTS = fileURLToPath(new URL("../fixtures/langchain-agents.mjs", import.meta.url));
const e2e = e2eSetup({ server: { latencyMs: 100, graphs: { paused: BREAKPOINT, trip: `${AGENTS}:trip` } } });

/** stderr without the tokens each run's end line reports (their sums are checked in cli.test.ts). */
const untokened = (stderr: string) => stderr.replace(/ · \d+ tokens \(\d+ in, \d+ out\)$/gm, "");
const chat = (args: string[]) => e2e.cli(["--url", e2e.url, ...args]);
const events = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

it("a question answered with --answer approve goes on to the agent's final answer, exit 0", async () => {
  const r = await chat(["--assistant", "approve", "-m", "table for 2 at 7pm", "--answer", "approve"]);
  expect(r.stderr).toMatch(/^\[1\] waiting for input: review book_table · \d+ tokens \(\d+ in, \d+ out\)$/m);
  expect(untokened(r.stderr)).toContain(
    "[1] waiting for input: review book_table\n[2] answer to #1 with enqueue: approve\n[1] answered by #2\n[2] success\n",
  );
  expect(r.stdout).toMatch(/=+ Waiting For You =+\n\n#1 asks:\nReview 1 action before the agent goes on:\n {2}book_table\n/);
  expect(r.stdout).toMatch(
    /allowed: approve, edit, reject\n=+ Tool Message =+\nName: book_table\n\nbooked: table for 2 at 7pm\n/,
  );
  expect(r.stdout).toMatch(/Done: table for 2 at 7pm is booked\.\n$/);
  expect(r.code).toBe(0);
});

it("a question left unanswered is printed after the run's messages and exits 5", async () => {
  const r = await chat(["--assistant", "approve", "-m", "table for 4"]);
  expect(r.code).toBe(5);
  expect(r.stdout.indexOf("Waiting For You")).toBeGreaterThan(r.stdout.indexOf("book_table (call_book_1)"));
  const hint = /^chat: the agent is waiting for input: review book_table \(answer with: (.+)\)$/m.exec(r.stderr)?.[1] ?? "";
  expect(hint).toMatch(/^(npx )?chat --url http:\/\/127\.0\.0\.1:\d+ --thread [0-9a-f-]{36} --answer <value>$/);
  const thread = /--thread ([0-9a-f-]{36})/.exec(hint)?.[1] ?? "";

  // Later, exactly as the hint says (no --assistant: the thread's own, approve, is used), with no
  // message: the waiting thread is shown and answered (a rejection with a reason).
  const printed = hint.replace(/^(npx )?chat /, "").split(" ");
  const args = [...printed.slice(0, -1), "reject: too late", "--json"];
  const later = await e2e.cli(args);
  const seen = events(later.stdout);
  expect(seen[0]).toMatchObject({ type: "interrupt", index: null, thread_id: thread });
  expect(seen.find((e) => e.type === "sent")).toMatchObject({
    answers: null,
    value: { decisions: [{ type: "reject", message: "too late" }] },
  });
  const messages = seen.flatMap((e) => (e.type === "messages" ? (e.messages as Array<{ content: string }>) : []));
  // The middleware answers the rejected call with the reviewer's message, then the model goes on.
  expect(messages.map((m) => m.content)).toEqual(["too late", "All right, I did not book anything (too late)."]);
  expect(seen.at(-1)).toMatchObject({ type: "done", exit_code: 0 });
});

it("with enqueue, a message already queued behind a run that asks drops its question, and says so", async () => {
  const r = await chat(["--assistant", "approve", "-m", "table for 2", "-m", "and a taxi", "--json"]);
  const seen = events(r.stdout);
  expect(seen.map((e) => `${e.type}:${e.index ?? ""}`)).toEqual([
    "sent:1",
    "sent:2",
    "messages:1",
    "finished:1",
    "interrupt:1",
    "question_dropped:1",
    "messages:2",
    "finished:2",
    "interrupt:2",
    "done:",
  ]);
  expect(seen[3]).toMatchObject({ status: "waiting", server_status: "success" });
  expect(seen[4]).toMatchObject({ will_be_dropped_by: 2 });
  expect(seen[5]).toMatchObject({ by: 2, reason: "#2 ran as a new message, so the server dropped the question" });
  expect(seen.at(-1)).toMatchObject({ exit_code: 5 });
});

it("--hold keeps the second message back until the first's question is answered, so nothing is dropped", async () => {
  const r = await chat([
    "--assistant",
    "approve",
    "--hold",
    "-m",
    "table for 2",
    "-m",
    "and a taxi",
    "--answer",
    "approve",
    "--answer",
    "reject: no taxi",
  ]);
  expect(r.code).toBe(0);
  expect(untokened(r.stderr)).toBe(
    [
      "[2] held until no run may still ask (--hold)",
      "[1] sent with enqueue: table for 2",
      "[1] waiting for input: review book_table",
      "[3] answer to #1 with enqueue: approve",
      "[1] answered by #3",
      "[3] success",
      "[2] sent with enqueue: and a taxi",
      "[2] waiting for input: review book_table",
      "[4] answer to #2 with enqueue: reject: no taxi",
      "[2] answered by #4",
      "[4] success",
      "",
    ].join("\n"),
  );
  expect(r.stdout).toMatch(
    /booked: table for 2\n[\s\S]*Done: table for 2 is booked\.[\s\S]*\n\nno taxi\n[\s\S]*did not book anything \(no taxi\)/,
  );
});

it("without --hold, an answer goes to the question that is still open, not to one a queued message will drop", async () => {
  const r = await chat(["--assistant", "approve", "-m", "table for 2", "-m", "and a taxi", "--answer", "approve"]);
  expect(r.stderr).toContain("[1] question dropped: #2 ran as a new message, so the server dropped the question\n");
  expect(untokened(r.stderr)).toContain("[3] answer to #2 with enqueue: approve\n[2] answered by #3\n");
  expect(r.stdout).toContain("#2 is already queued: it runs next as a new message and the server drops this question");
  expect(r.code).toBe(0);
});

it("a breakpoint is shown as where the graph paused; --continue goes on, and without it the exit code is 5", async () => {
  const paused = await chat(["--assistant", "paused", "-m", "weather in sf?"]);
  expect(paused.code).toBe(5);
  expect(paused.stderr).toContain("[1] waiting for input: paused before weather_node (in weather_graph)\n");
  expect(paused.stdout).toMatch(/=+ Paused =+\n\n#1 paused before weather_node \(in weather_graph\), at a breakpoint\.\n$/);
  expect(paused.stderr).toMatch(/\(answer with: (npx )?chat --url \S+ --thread [0-9a-f-]{36} --continue\)\n$/);

  const goneOn = await chat(["--assistant", "paused", "-m", "weather in sf?", "--continue"]);
  expect(goneOn.code).toBe(0);
  expect(goneOn.stderr).toContain("[2] answer to #1 with enqueue: (continue)\n[1] answered by #2\n[2] success\n");
  expect(goneOn.stdout).toMatch(/It's sunny in SF\.\n$/);
});

it("a createAgent review of two tool calls takes one --answer per action, in the JS middleware's own shape", async () => {
  const r = await chat([
    "--assistant",
    "trip",
    "-m",
    "trip to rome",
    "--answer",
    'edit {"to": "paris"}',
    "--answer",
    "reject: no hotel",
    "--json",
  ]);
  const seen = events(r.stdout);
  expect(seen.find((e) => e.type === "sent" && e.index === 2)).toMatchObject({
    answers: 1,
    value: {
      decisions: [
        { type: "edit", editedAction: { name: "search_flights", args: { to: "paris" } } },
        { type: "reject", message: "no hotel" },
      ],
    },
  });
  // The middleware ran neither call once one was rejected, and told the model so; the model answered.
  const messages = seen.flatMap((e) => (e.type === "messages" ? (e.messages as Array<{ content: string }>) : []));
  expect(messages.map((m) => m.content).slice(-2)).toEqual(["no hotel", "Trip: no hotel."]);
  expect(seen.at(-1)).toMatchObject({ type: "done", exit_code: 0 });
});

it("one --answer approve answers every action of a review; a decision an action does not allow is refused before sending", async () => {
  const all = await chat(["--assistant", "trip", "-m", "trip to oslo", "--answer", "approve"]);
  expect(all.stdout).toMatch(
    /1\. search_flights\n[\s\S]*2\. book_hotel\n[\s\S]*allowed: approve, reject\nOne decision per action, in order\./,
  );
  expect(all.stdout).toMatch(/Trip: 3 flights to oslo; hotel in oslo booked\.\n$/);
  expect(all.code).toBe(0);

  const refused = await chat([
    "--assistant",
    "trip",
    "-m",
    "trip to oslo",
    "--answer",
    "approve",
    "--answer",
    'edit {"city": "bergen"}',
  ]);
  expect(refused.stderr).toMatch(/^chat: --answer .+: action 2: book_hotel takes approve, reject, not edit$/m);
  expect(refused.stderr).not.toMatch(/\[2\] answer/);
  expect(refused.code).toBe(5);
});

it("a thread waiting in one assistant refuses another given with --assistant, naming the right one, and sends nothing", async () => {
  const asked = await chat(["--assistant", "approve", "-m", "table for 6"]);
  const thread = /--thread ([0-9a-f-]{36})/.exec(asked.stderr)?.[1] ?? "";
  const wrong = await chat(["--assistant", "agent", "--thread", thread, "--answer", "approve"]);
  expect(wrong.stderr).toBe(
    `chat: thread ${thread} is waiting for an answer in assistant approve, not agent (--assistant): leave out --assistant, or give --assistant approve\n`,
  );
  expect(wrong.code).toBe(2);
  // Still waiting, in its own graph: --resume with no --assistant finds it and answers it there.
  const resumed = await chat(["--resume", "--answer", "approve"]);
  expect(resumed.stdout).toMatch(/Done: table for 6 is booked\.\n$/);
  expect(resumed.code).toBe(0);
});
