// The built-in deployment stays bounded: old runs of a long thread go (and their checkpoints with
// them) without touching its messages; threads past the most recent ones go when it starts.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverDataDir, startLocalDeployment, type LocalDeployment, type LocalOptions } from "../../src/deployment/local.js";
import { waitUntil } from "../helpers/wait.js";

let dir: string;
const started: LocalDeployment[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chat-retention-"));
});
afterAll(async () => {
  await Promise.all(started.map((d) => d.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(name: string, options: LocalOptions) {
  const deployment = await startLocalDeployment({
    dataDir: join(dir, name),
    logFile: join(dir, `${name}.log`),
    latencyMs: 0,
    nWorkers: 2,
    ...options,
  });
  started.push(deployment);
  return { deployment, client: new Client({ apiUrl: deployment.url, apiKey: deployment.key }) };
}

// Cities the demo agent knows (it looks up no other): each numbered question names one.
const CITIES = ["sf", "nyc", "la", "paris", "tokyo", "rome", "oslo", "lima"];
const ask = (i: number) => ({
  input: { messages: [{ type: "human", content: `what's the weather in ${CITIES[i % CITIES.length]}? (${i})` }] },
  multitaskStrategy: "enqueue" as const,
});

/** A data file's text with the base64 it holds (the server stores checkpoints as bytes) decoded. */
function readable(file: string): string {
  const text = readFileSync(file, "utf8");
  const decoded = [...text.matchAll(/"([A-Za-z0-9+/]{16,}={0,2})"/g)].map((m) => Buffer.from(m[1]!, "base64").toString());
  return [text, ...decoded].join("\n");
}

const humans = (values: unknown) =>
  ((values as { messages: Array<{ type: string; content: unknown }> }).messages ?? [])
    .filter((m) => m.type === "human")
    .map((m) => m.content);

it("a long thread keeps every message but only the last runs' history, in memory and on disk", async () => {
  const { deployment, client } = await start("long", { retention: { keepRuns: 1, graceMs: 0, intervalMs: 200 } });
  const { thread_id } = await client.threads.create();
  const created: string[] = [];
  for (let i = 0; i < 6; i++) created.push((await client.runs.create(thread_id, "agent", ask(i))).run_id);
  await client.runs.join(thread_id, created.at(-1)!);
  // The run holding the current state and one before it are kept; the other four go.
  const runsLeft = async () => (await client.runs.list(thread_id, { limit: 100 })).length;
  await waitUntil(async () => (await runsLeft()) === 2, { what: "the sweep to leave the thread two runs", everyMs: 100 });
  const kept = (await client.runs.list(thread_id, { limit: 100 })).map((run) => run.run_id);
  expect(kept.sort()).toEqual(created.slice(-2).sort());

  const state = await client.threads.getState(thread_id);
  expect(humans(state.values)).toEqual([0, 1, 2, 3, 4, 5].map((i) => ask(i).input.messages[0]!.content));
  expect((state.values as { messages: unknown[] }).messages).toHaveLength(24);
  const history = await client.threads.getHistory(thread_id, { limit: 1000 });
  expect(new Set(history.map((h) => (h.metadata as { run_id?: string }).run_id))).toEqual(new Set(kept));

  // The conversation goes on from where it was.
  const next = await client.runs.create(thread_id, "agent", ask(6));
  await client.runs.join(thread_id, next.run_id);
  expect(humans((await client.threads.getState(thread_id)).values)).toHaveLength(7);
  await waitUntil(async () => (await runsLeft()) === 2, { what: "the next sweep to leave the thread two runs", everyMs: 100 });

  // Stopping writes the data out: the deleted runs' checkpoints are gone from the file too.
  await deployment.stop();
  const checkpoints = readable(join(serverDataDir(deployment.dataDir), ".langgraphjs_api.checkpointer.json"));
  expect([...created, next.run_id].filter((runId) => checkpoints.includes(runId))).toEqual([created.at(-1), next.run_id]);
});

it("at start, only the most recently updated threads are kept", async () => {
  const first = await start("many", { retention: false });
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    ids.push((await first.client.threads.create()).thread_id);
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct updated_at
  }
  // The oldest one is touched last, so it counts as recent.
  await first.client.threads.update(ids[0]!, { metadata: { touched: true } });
  await first.deployment.stop();

  const again = await start("many", { retention: { keepThreads: 3, graceMs: 0, intervalMs: 3_600_000 } });
  // The sweep at start runs once the server is up (no client waits for it), well before the next.
  await waitUntil(async () => (await again.client.threads.search({ limit: 100 })).length === 3, {
    what: "the sweep at start to leave three threads",
    everyMs: 100,
  });
  const left = await again.client.threads.search({ limit: 100 });
  expect(left.map((t) => t.thread_id).sort()).toEqual([ids[0], ids[3], ids[4]].sort());
  await expect(again.client.threads.get(ids[1]!)).rejects.toMatchObject({ status: 404 });
});
