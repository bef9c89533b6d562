// Runs a stopped server left marked running: no server runs them any more, and each blocks its
// thread (new runs wait behind it forever) and keeps it `busy`. Cleared at start, through the API.
import type { SelfClient } from "./self-client.js";

/** Far enough ahead that no worker picks the run up before it is cancelled and deleted. */
const NEVER_S = 365 * 24 * 3600;

/**
 * The server has just started, so no run of its can be running: one marked running was cut off
 * when the server last stopped. Each is deleted, and a busy thread left with nothing in flight
 * (this start's, or one an older chat cleared the run of) is made idle.
 */
export async function clearStaleRuns(client: SelfClient, log: (line: string) => void): Promise<void> {
  // All of them first: a thread made idle here would shift the pages of a search still going.
  const busy = [];
  for (let offset = 0; ; offset += 100) {
    const page = await client.threadsWithStatus("busy", 100, offset);
    busy.push(...page);
    if (page.length < 100) break;
  }
  for (const { thread_id: thread, metadata } of busy) {
    for (const { run_id: run } of await client.runsWithStatus(thread, "running")) {
      await client.runs.delete(thread, run);
      log(`cleared stale run ${run} on thread ${thread}`);
    }
    // Runs waiting behind it start now, and the thread's status follows them.
    if ((await client.runsWithStatus(thread, "pending")).length > 0) continue;
    const assistant = metadata?.assistant_id ?? metadata?.graph_id;
    try {
      if (typeof assistant !== "string") throw new Error("it names no assistant");
      await settle(client, thread, assistant);
      log(`thread ${thread}: idle, with nothing in flight`);
    } catch (err) {
      log(`thread ${thread} stays busy: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/**
 * The JS server sets a thread's status only when a run ends or a pending one is cancelled (deleting
 * a run leaves it as it was): so a run that never starts is made, cancelled while pending, which
 * makes the thread idle, and deleted.
 */
async function settle(client: SelfClient, thread: string, assistant: string): Promise<void> {
  const run = await client.createRun(thread, {
    assistant_id: assistant,
    input: null,
    after_seconds: NEVER_S,
    multitask_strategy: "reject",
  });
  try {
    await client.cancelRun(thread, run.run_id);
  } finally {
    await client.runs.delete(thread, run.run_id);
  }
}
