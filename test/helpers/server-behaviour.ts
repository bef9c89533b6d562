// Measures what the LangGraph.js API server does with a double-text, through the raw SDK (not
// our engine), so the README's "What the server really does" table is the server's own answer.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Client } from "@langchain/langgraph-sdk";
import { STRATEGIES, type Strategy } from "../../src/strategies.js";
import { httpStatus } from "../../src/engine/sdk.js";
import type { MessageDict } from "../../src/engine/message.js";

export type Timing = "pending" | "running";

export interface DoubleText {
  strategy: Strategy | "none";
  timing: Timing;
  /** The first run's final status, or "deleted" when it is gone (404). */
  first: string;
  /** The second run's final status, or "HTTP <code>" when its create was refused. */
  second: string;
  /** Messages each run left in the thread, its human message included. */
  firstLeft: number;
  secondLeft: number;
}

export interface AskOutcome {
  runStatus: string;
  threadStatus: string;
  openInterrupts: number;
}

const until = async (what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> => {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
};

async function finalStatus(client: Client, threadId: string, runId: string): Promise<string> {
  let status = "";
  await until(`run ${runId} to end`, async () => {
    try {
      status = (await client.runs.get(threadId, runId)).status;
    } catch (err) {
      if (httpStatus(err) !== 404) throw err;
      status = "deleted";
    }
    return status !== "pending" && status !== "running";
  });
  return status;
}

const messagesOf = async (client: Client, threadId: string) =>
  ((await client.threads.getState(threadId)).values as { messages?: MessageDict[] }).messages ?? [];

/** Messages from a run's human message up to the next run's; 0 when its input never landed. */
function left(thread: MessageDict[], humanId: string, nextHumanId: string): number {
  const start = thread.findIndex((m) => m.id === humanId);
  if (start < 0) return 0;
  const end = thread.findIndex((m, i) => i > start && m.id === nextHumanId);
  return (end < 0 ? thread.length : end) - start;
}

/** Occupies the server's only worker with a run on another thread, so the next run stays pending. */
async function holdWorker(client: Client, assistantId: string): Promise<void> {
  const other = await client.threads.create();
  const run = await client.runs.create(other.thread_id, assistantId, {
    input: { messages: [{ type: "human", content: "weather in paris" }] },
    multitaskStrategy: "enqueue",
  });
  await until("the blocking run to start", async () => (await client.runs.get(other.thread_id, run.run_id)).status === "running");
}

/**
 * One double-text on a new thread: a first message with enqueue, then (while the first run is
 * still pending, or running after its tool call) a second with `strategy`. Needs one worker.
 */
export async function measureDoubleText(
  client: Client,
  assistantId: string,
  strategy: Strategy | "none",
  timing: Timing,
): Promise<DoubleText> {
  const { thread_id: threadId } = await client.threads.create();
  const ids = [randomUUID(), randomUUID()] as const;
  const input = (i: 0 | 1) => ({
    messages: [{ type: "human", content: i ? "what's the weather in nyc?" : "what's the weather in sf?", id: ids[i] }],
  });
  if (timing === "pending") await holdWorker(client, assistantId);
  const first = await client.runs.create(threadId, assistantId, { input: input(0), multitaskStrategy: "enqueue" });
  if (timing === "running") {
    await until("the first run's tool result", async () => (await messagesOf(client, threadId)).some((m) => m.type === "tool"));
  } else if ((await client.runs.get(threadId, first.run_id)).status !== "pending") {
    throw new Error("the first run was not pending when the second was sent");
  }
  let second: string;
  let secondId: string | undefined;
  try {
    const run = await client.runs.create(threadId, assistantId, {
      input: input(1),
      ...(strategy === "none" ? {} : { multitaskStrategy: strategy }),
    });
    secondId = run.run_id;
  } catch (err) {
    const status = httpStatus(err);
    if (status === undefined) throw err;
    second = `HTTP ${status}`;
  }
  second = secondId ? await finalStatus(client, threadId, secondId) : second!;
  const firstStatus = await finalStatus(client, threadId, first.run_id);
  const thread = await messagesOf(client, threadId);
  return {
    strategy,
    timing,
    first: firstStatus,
    second,
    firstLeft: left(thread, ids[0], ids[1]),
    secondLeft: left(thread, ids[1], ids[0]),
  };
}

/** Every strategy (and none) against a pending and a running first run. */
export async function measureAll(client: Client, assistantId: string): Promise<DoubleText[]> {
  const results: DoubleText[] = [];
  for (const strategy of [...STRATEGIES, "none"] as const) {
    for (const timing of ["pending", "running"] as const)
      results.push(await measureDoubleText(client, assistantId, strategy, timing));
  }
  return results;
}

/** A run whose graph calls interrupt(): how the run and the thread end. */
export async function measureAsk(client: Client, assistantId: string): Promise<AskOutcome> {
  const { thread_id: threadId } = await client.threads.create();
  const run = await client.runs.create(threadId, assistantId, {
    input: { messages: [{ type: "human", content: "table for 2" }] },
    multitaskStrategy: "enqueue",
  });
  const runStatus = await finalStatus(client, threadId, run.run_id);
  const thread = await client.threads.get(threadId);
  const open = Object.values(thread.interrupts ?? {}).flat().length;
  return { runStatus, threadStatus: thread.status, openInterrupts: open };
}

const plural = (n: number) => `${n} message${n === 1 ? "" : "s"}`;

function cell(r: DoubleText): string {
  const first = r.first === "deleted" ? "first deleted (404)" : `first \`${r.first}\`, ${plural(r.firstLeft)}`;
  const second = r.second.startsWith("HTTP") ? `second refused (${r.second})` : `second \`${r.second}\`, ${plural(r.secondLeft)}`;
  return `${first} · ${second}`;
}

/** The README table: one row per strategy, one column per moment of the second message. */
export function serverTable(results: readonly DoubleText[], ask: AskOutcome): string {
  const find = (strategy: string, timing: Timing) => results.find((r) => r.strategy === strategy && r.timing === timing);
  const rows = [...STRATEGIES, "none"].map((strategy) => {
    const name = strategy === "none" ? "none given" : `\`${strategy}\``;
    const [pending, running] = (["pending", "running"] as const).map((t) => find(strategy, t));
    return `| ${name} | ${pending ? cell(pending) : "?"} | ${running ? cell(running) : "?"} |`;
  });
  return [
    "| strategy | first run still pending | first run already running |",
    "|---|---|---|",
    ...rows,
    "",
    `A run whose graph calls \`interrupt()\`: run \`${ask.runStatus}\`, thread \`${ask.threadStatus}\` with ${ask.openInterrupts} open question${ask.openInterrupts === 1 ? "" : "s"}.`,
  ].join("\n");
}

export const TABLE_START = "<!-- measured: server behaviour (npm run measure) -->";
export const TABLE_END = "<!-- end measured -->";

/** The README with the measured block replaced. */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error("the README has no measured server table block");
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
