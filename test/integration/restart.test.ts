// A local deployment killed with a run in flight: when it starts again on the same data, that run
// (which no server runs any more) is cleared, so its thread takes new runs instead of queueing
// them forever behind it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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

async function start(latencyMs: number) {
  const deployment = await startLocalDeployment({ dataDir: join(dir, "data"), logFile: join(dir, "server.log"), latencyMs });
  started.push(deployment);
  return { deployment, client: new Client({ apiUrl: deployment.url, apiKey: deployment.key }) };
}

/** The run's status in the server's data file, as it would be read at the next start. */
function statusOnDisk(deployment: LocalDeployment, runId: string): string | undefined {
  try {
    const file = join(serverDataDir(deployment.dataDir), ".langgraphjs_ops.json");
    const ops = JSON.parse(readFileSync(file, "utf8")) as { json?: { runs?: Record<string, { status?: string }> } };
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
  const next = await again.client.runs.create(thread, "agent", ask);
  await again.client.runs.join(thread, next.run_id);
  expect((await again.client.runs.get(thread, next.run_id)).status).toBe("success");
});
