// Where a thread can be forked: before each run, at the checkpoint its first checkpoint grew from.
// A run created with that checkpoint id replaces the run and everything after it on a new branch
// (the thread's state then follows the branch). Read from the thread's history; pure but the read.
import { isRecord, messagesOf } from "./message.js";
import { httpStatus, type EngineClient } from "./sdk.js";

/** One run of the thread, and the checkpoint before it (null: it was the thread's first). */
export interface ForkPoint {
  readonly runId: string;
  readonly checkpointId: string | null;
  /** The step of the run's first checkpoint. */
  readonly step: number;
  /** The human message that started the run; absent for a run with no new message (an answer, a continue). */
  readonly text?: string;
}

const MOST = 1000;

interface Checkpoint {
  readonly id: string;
  readonly parent: string | null;
  readonly runId: string | undefined;
  readonly step: number;
  readonly messages: number;
  readonly values: unknown;
}

function checkpointOf(state: Record<string, unknown>): Checkpoint | undefined {
  const own = isRecord(state.checkpoint) ? state.checkpoint.checkpoint_id : undefined;
  if (typeof own !== "string") return undefined;
  const parent = isRecord(state.parent_checkpoint) ? state.parent_checkpoint.checkpoint_id : undefined;
  const metadata = isRecord(state.metadata) ? state.metadata : {};
  return {
    id: own,
    parent: typeof parent === "string" ? parent : null,
    runId: typeof metadata.run_id === "string" ? metadata.run_id : undefined,
    step: typeof metadata.step === "number" ? metadata.step : 0,
    messages: messagesOf(state.values).length,
    values: state.values,
  };
}

/** The thread's runs on its current branch, oldest first, each with the checkpoint before it. */
export async function forkPoints(client: EngineClient, threadId: string): Promise<ForkPoint[]> {
  const history = await client.threads.getHistory(threadId, { limit: MOST });
  const all = (history as unknown[]).flatMap((s) => (isRecord(s) ? (checkpointOf(s) ?? []) : []));
  // The history holds every branch (a fork leaves the old one there): walk the newest one's parents.
  const byId = new Map(all.map((c) => [c.id, c]));
  const newestFirst: Checkpoint[] = [];
  for (let c = all[0]; c && newestFirst.length < all.length; c = c.parent ? byId.get(c.parent) : undefined) newestFirst.push(c);
  const points: ForkPoint[] = [];
  // Newest first: a run's checkpoints come together, its first one last.
  for (let i = 0; i < newestFirst.length; i++) {
    const cp = newestFirst[i];
    const next = newestFirst[i + 1];
    if (!cp?.runId || next?.runId === cp.runId) continue;
    const newest = newestFirst.find((c) => c.runId === cp.runId) ?? cp;
    const started = messagesOf(newest.values)[cp.messages];
    const text = started?.type === "human" && typeof started.content === "string" ? started.content : undefined;
    points.push({ runId: cp.runId, checkpointId: cp.parent, step: cp.step, ...(text !== undefined ? { text } : {}) });
  }
  // A history cut at MOST may hold only the end of its oldest run: that run's fork point is not known.
  const cut = all.length >= MOST ? newestFirst.at(-1)?.runId : undefined;
  return points.filter((p) => p.runId !== cut).reverse();
}

/** The checkpoint before run `runId` (null: it was the first run); undefined when the thread has no checkpoint of it. */
export async function checkpointBefore(
  client: EngineClient,
  threadId: string,
  runId: string,
): Promise<string | null | undefined> {
  const own = await client.threads.getHistory(threadId, { limit: MOST, metadata: { run_id: runId } });
  // Newest first: its first checkpoint is the last, and what that grew from is the checkpoint before the run.
  const first = (own as unknown[]).flatMap((s) => (isRecord(s) ? (checkpointOf(s) ?? []) : [])).at(-1);
  if (!first || own.length >= MOST) return undefined;
  return first.parent;
}

/** Whether the thread holds this checkpoint (any branch): a fork from one it does not would start from nothing. */
export async function hasCheckpoint(client: EngineClient, threadId: string, checkpointId: string): Promise<boolean> {
  const asked = client.threads.getHistory(threadId, { limit: 1, checkpoint: { checkpoint_id: checkpointId } });
  // A server that refuses the id outright (400: not a UUID) has no such checkpoint either.
  const found = await asked.catch((err: unknown) => (httpStatus(err) === 400 ? [] : Promise.reject(err)));
  const state = found[0] as unknown;
  return isRecord(state) && checkpointOf(state)?.id === checkpointId;
}
