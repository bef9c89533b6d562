// The built-in deployment's data under a long thread and under many threads: the same workload
// against two deployments side by side, one keeping everything (the server alone), one bounded.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { serverDataDir, startLocalDeployment, type LocalDeployment } from "../src/deployment/local.js";
import type { Retention } from "../src/server/retention.js";

export interface StorageResult {
  /** Bytes of the server's data files after it stopped (it flushes them then). */
  diskBytes: number;
  /** The server process's peak RSS (VmHWM, polled), writing its data out at the end included. */
  peakRss: number;
}

function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // exited
  }
}

function diskBytes(dataDir: string): number {
  const dir = serverDataDir(dataDir);
  return readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
}

// Cities the demo agent knows (it looks up no other): each numbered question names one.
const CITIES = ["sf", "nyc", "la", "paris", "tokyo", "rome", "oslo", "lima"];
const question = (i: number) => ({
  input: { messages: [{ type: "human", content: `what's the weather in ${CITIES[i % CITIES.length]}? (${i})` }] },
  streamMode: ["messages-tuple", "updates"] as Array<"messages-tuple" | "updates">,
  streamResumable: true,
  multitaskStrategy: "enqueue" as const,
});

/** Waits until no run of these threads is pending or running (the server runs them in the background). */
async function settled(client: Client, threadIds: string[]): Promise<void> {
  for (const threadId of threadIds) {
    for (;;) {
      const busy = await Promise.all([
        client.runs.list(threadId, { status: "pending", limit: 1 }),
        client.runs.list(threadId, { status: "running", limit: 1 }),
      ]).catch((err: { status?: number }) => {
        if (err.status === 404) return []; // deleted by the bounded deployment once its run ended
        throw err;
      });
      if (busy.every((runs) => runs.length === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** `runs` runs on each of `threads` threads, all enqueued at once; then the server is stopped. */
async function workload(deployment: LocalDeployment, threads: number, runs: number, quietMs: number): Promise<StorageResult> {
  const client = new Client({ apiUrl: deployment.url, apiKey: deployment.key });
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, peakRss(deployment.pid))), 100);
  try {
    const ids: string[] = [];
    for (let t = 0; t < threads; t++) {
      const { thread_id } = await client.threads.create();
      ids.push(thread_id);
      for (let i = 0; i < runs; i++) await client.runs.create(thread_id, "agent", question(i));
    }
    await settled(client, ids);
    await new Promise((resolve) => setTimeout(resolve, quietMs)); // one more sweep for the bounded one
    // SIGTERM, and no SIGKILL after 5 s as stop() would: writing everything out is part of the cost.
    process.kill(deployment.pid, "SIGTERM");
    await deployment.exited;
  } finally {
    clearInterval(poll);
  }
  return { diskBytes: diskBytes(deployment.dataDir), peakRss: peak };
}

/** The workload against an unbounded and a bounded deployment at once, so machine drift hits both. */
export async function storage(
  home: string,
  name: string,
  shape: { threads: number; runs: number },
  retention: Partial<Retention>,
): Promise<{ unbounded: StorageResult; bounded: StorageResult }> {
  const start = (which: string, bound: Partial<Retention> | false) =>
    startLocalDeployment({
      dataDir: join(home, `${name}-${which}`),
      logFile: join(home, `${name}-${which}.log`),
      latencyMs: 0,
      nWorkers: 10,
      retention: bound,
    });
  const [unbounded, bounded] = await Promise.all([start("unbounded", false), start("bounded", retention)]);
  try {
    const quietMs = (retention.intervalMs ?? 0) + 1_000;
    const [a, b] = await Promise.all([
      workload(unbounded, shape.threads, shape.runs, quietMs),
      workload(bounded, shape.threads, shape.runs, quietMs),
    ]);
    return { unbounded: a, bounded: b };
  } finally {
    await Promise.all([unbounded.stop(), bounded.stop()]);
  }
}
