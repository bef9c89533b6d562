// A local deployment killed with a run in flight: when it starts again on the same data, that run
// (which no server runs any more) is cleared, so its thread takes new runs instead of queueing
// them forever behind it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverDataDir, startLocalDeployment, type LocalDeployment } from "../../src/deployment/local.js";
import { waitUntil } from "../helpers/wait.js";

let dir: string;
const started: LocalDeployment[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chat-restart-"));
});
afterAll(async () => {
  await Promise.all(started.map((d) => d.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(latencyMs: number, data = "data") {
  const deployment = await startLocalDeployment({ dataDir: join(dir, data), logFile: join(dir, "server.log"), latencyMs });
  started.push(deployment);
  return { deployment, client: new Client({ apiUrl: deployment.url, apiKey: deployment.key }) };
}

type Ops = { json?: { runs?: Record<string, { status?: string }>; threads?: Record<string, { status?: string }> } };
const opsFile = (deployment: LocalDeployment) => join(serverDataDir(deployment.dataDir), ".langgraphjs_ops.json");

/** The run's status in the server's data file, as it would be read at the next start. */
function statusOnDisk(deployment: LocalDeployment, runId: string): string | undefined {
  try {
    const ops = JSON.parse(readFileSync(opsFile(deployment), "utf8")) as Ops;
    return ops.json?.runs?.[runId]?.status;
  } catch {
    return undefined; // not written yet, or caught mid-write
  }
}

const ask = {
  input: { messages: [{ type: "human", content: "what's the weather in sf?" }] },
  multitaskStrategy: "enqueue" as const,
};

it("a run cut off by a crash is cleared at the next start, and the thread answers again", async () => {
  const first = await start(60_000);
  const thread = (await first.client.threads.create()).thread_id;
  const cut = await first.client.runs.create(thread, "agent", ask);
  // The server writes its data 3 s after the last change: wait until the running run is on disk.
  await waitUntil(() => statusOnDisk(first.deployment, cut.run_id) === "running", {
    what: "the running run in the server's data file",
    state: () => statusOnDisk(first.deployment, cut.run_id),
  });
  process.kill(first.deployment.pid, "SIGKILL");
  await first.deployment.exited;

  const again = await start(0);
  const left = await again.client.runs.list(thread);
  expect(left.filter((run) => run.status === "running" || run.status === "pending")).toEqual([]);
  // Nothing runs there any more, and the thread says so (chat threads lists it idle, not busy).
  expect((await again.client.threads.get(thread)).status).toBe("idle");
  expect(await again.client.runs.list(thread)).toEqual([]); // nothing left of how it was set right
  const next = await again.client.runs.create(thread, "agent", ask);
  await again.client.runs.join(thread, next.run_id);
  expect((await again.client.runs.get(thread, next.run_id)).status).toBe("success");
});

it("a thread left busy with nothing in flight (an older chat cleared its run, not its status) is idle at the next start", async () => {
  const first = await start(0, "older");
  const thread = (await first.client.threads.create()).thread_id;
  await first.client.runs.wait(thread, "agent", ask);
  await first.deployment.stop(); // flushes its data
  const ops = JSON.parse(readFileSync(opsFile(first.deployment), "utf8")) as Ops;
  const record = ops.json?.threads?.[thread];
  if (!record) throw new Error("the thread is not in the data file");
  record.status = "busy";
  writeFileSync(opsFile(first.deployment), JSON.stringify(ops));

  const again = await start(0, "older");
  expect((await again.client.threads.get(thread)).status).toBe("idle");
  expect((await again.client.runs.list(thread)).map((run) => run.status)).toEqual(["success"]);
});
