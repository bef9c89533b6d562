// A pretend LangGraph.js server at the engine's SDK interface, with its multitask semantics as
// measured (../shared/SERVER-NOTES.md): reject is a 422 while a run is in flight; interrupt stops
// every run in flight (`interrupted`); rollback deletes pending runs and ends a running one `error`;
// enqueue waits its turn; a cancel ends a pending run `interrupted` and a running one `error`.
// Runs start at once in creation order and end only when the test says: it steps the server.
import type { Run } from "@langchain/langgraph-sdk";
import type { MessageDict } from "../../src/engine/message.js";
import { HttpError, asEngineClient, type FakeClient } from "./fake-client.js";

export interface SimRun {
  readonly run_id: string;
  readonly metadata: Record<string, unknown>;
  readonly multitask_strategy: NonNullable<Run["multitask_strategy"]>;
  readonly created_at: string;
  readonly kwargs: { input?: { messages?: Array<{ id?: string; content?: unknown }> } };
  status: "pending" | "running" | "success" | "error" | "interrupted";
  deleted: boolean;
  /** What ended it early, as the server knows: the run whose create did it, or a cancel. */
  stoppedBy?: string;
  /** It ended at interrupt(): what became of its question (the run that answered or dropped it). */
  question?: { answeredBy?: string; droppedBy?: string };
  readonly resume: boolean;
  /** It started (a take-back must never let a run start). */
  ran?: boolean;
}

const inFlight = (run: SimRun) => !run.deleted && (run.status === "pending" || run.status === "running");

export function simulatedServer() {
  const runs: SimRun[] = [];
  const thread: MessageDict[] = [];
  /** The run whose interrupt() the thread waits on. */
  let asking: SimRun | undefined;
  // Node 20 has no Promise.withResolvers.
  const next = () => {
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };
  let changed = next();
  const notify = () => {
    changed.resolve();
    changed = next();
  };
  const find = (runId: string) => {
    const run = runs.find((r) => r.run_id === runId && !r.deleted);
    if (!run) throw new HttpError(404, JSON.stringify({ detail: `Run ${runId} not found` }));
    return run;
  };
  /** Ends a run early the way the JS server does: a pending one `interrupted` (or deleted), a running one `error` or `interrupted`. */
  const stop = (run: SimRun, by: string, how: "interrupt" | "rollback" | "cancel") => {
    run.stoppedBy = by;
    if (run.status === "pending") {
      if (how === "rollback") run.deleted = true;
      else run.status = "interrupted";
    } else run.status = how === "interrupt" ? "interrupted" : "error";
  };
  /** The oldest pending run starts once nothing runs; its human message goes into the thread. */
  const schedule = () => {
    if (runs.some((r) => !r.deleted && r.status === "running")) return;
    const next = runs.find((r) => !r.deleted && r.status === "pending");
    if (!next) return;
    next.status = "running";
    next.ran = true;
    // A run starting on a waiting thread answers its question (a resume) or drops it (new input).
    if (asking?.question) asking.question[next.resume ? "answeredBy" : "droppedBy"] = next.run_id;
    asking = undefined;
    if (next.resume) return;
    const human = next.kwargs.input?.messages?.[0];
    thread.push({ type: "human", content: human?.content ?? "", id: human?.id ?? `h-${next.run_id}` });
  };
  const step = () => (schedule(), notify());

  const client = {
    runs: {
      async create(_thread, _assistant, payload = {}) {
        const strategy = payload.multitaskStrategy ?? "reject";
        const busy = runs.filter(inFlight);
        if (busy.length && strategy === "reject")
          throw new HttpError(
            422,
            JSON.stringify({
              detail: "Thread is already running a task. Wait for it to finish or choose a different multitask strategy.",
            }),
          );
        const run: SimRun = {
          run_id: `run-${runs.length + 1}`,
          metadata: payload.metadata ?? {},
          multitask_strategy: strategy,
          created_at: String(runs.length + 1).padStart(6, "0"),
          kwargs: { input: (payload.input ?? undefined) as SimRun["kwargs"]["input"] },
          status: "pending",
          deleted: false,
          resume: payload.command !== undefined,
        };
        if (strategy === "interrupt" || strategy === "rollback") for (const r of busy) stop(r, run.run_id, strategy);
        runs.push(run);
        step();
        return { ...run };
      },
      async get(_thread, runId) {
        return { ...find(runId) };
      },
      async list(_thread, options = {}) {
        return runs.filter((r) => !r.deleted && (!options.status || r.status === options.status)).map((r) => ({ ...r }));
      },
      async cancel(_thread, runId) {
        const run = find(runId);
        if (inFlight(run)) stop(run, "cancel", "cancel");
        step();
      },
      async *joinStream(_thread, runId, options) {
        const signal = options instanceof AbortSignal ? options : options?.signal;
        yield { id: "0", event: "metadata", data: { run_id: runId } };
        let told = false;
        for (;;) {
          const run = find(runId);
          if (run.status === "running" && !told) {
            told = true;
            yield { id: "1", event: "updates", data: { agent: { messages: [] } } };
          }
          if (!inFlight(run)) {
            if (run.question)
              yield { id: "3", event: "updates", data: { __interrupt__: [{ id: `i-${run.run_id}`, value: "ok?" }] } };
            if (run.stoppedBy) yield { id: "2", event: "error", data: { error: "Error", message: "interrupt" } };
            return;
          }
          await untilChanged(changed.promise, signal);
        }
      },
    },
    threads: {
      async get() {
        const open: Record<string, Array<{ id: string; value: unknown }>> = asking
          ? { task: [{ id: `i-${asking.run_id}`, value: "ok?" }] }
          : {};
        return { status: asking ? "interrupted" : runs.some(inFlight) ? "busy" : "idle", interrupts: open };
      },
      async getHistory(_thread, options) {
        // A run that started wrote checkpoints (with its run_id); one that never ran wrote none.
        const runId = options?.metadata?.run_id;
        const ran = runs.find((r) => r.run_id === runId)?.ran === true;
        return ran ? [{ values: {}, metadata: { run_id: runId } }] : [];
      },
      async getState() {
        const interrupts = asking ? [{ id: `i-${asking.run_id}`, value: "ok?" }] : [];
        // The last checkpoint is written by the run that ran last (it carries its run_id).
        const last = runs.filter((r) => !r.deleted && r.status !== "pending").at(-1);
        const task = { id: "task", name: "approve", error: null, interrupts, checkpoint: null, state: null };
        const state = { values: { messages: [...thread] }, next: asking ? ["agent"] : [], tasks: asking ? [task] : [] };
        return { ...state, metadata: last ? { run_id: last.run_id } : {} };
      },
    },
  } satisfies FakeClient;
  return {
    client: asEngineClient(client),
    runs,
    /**
     * The running run ends well, with an answer in the thread, or (`ask`) stops at interrupt() to
     * ask; the next pending one starts. Whether one was running.
     */
    finishRunning(ask = false): boolean {
      const run = runs.find((r) => !r.deleted && r.status === "running");
      if (!run) return false;
      run.status = "success";
      thread.push({ type: "ai", content: `answer to ${run.run_id}`, id: `ai-${run.run_id}` });
      if (ask) {
        run.question = {};
        asking = run;
      }
      step();
      return true;
    },
    busy: () => runs.some(inFlight),
  };
}

function untilChanged(changed: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return changed;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const aborted = () => reject(signal.reason);
    signal.addEventListener("abort", aborted, { once: true });
    void changed.then(() => {
      signal.removeEventListener("abort", aborted);
      resolve();
    });
  });
}

/** A session on a new simulated server, as the engine's tests and the controller's use it. */
export async function simulatedSession() {
  const { Session } = await import("../../src/engine/session.js");
  const server = simulatedServer();
  const session = await Session.open({
    client: server.client,
    assistantId: "agent",
    threadId: "t",
    retryDelayMs: 1,
    fresh: true,
  });
  return { server, session };
}
