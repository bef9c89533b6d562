// Questions the engine asks the server when an answer went missing: did this message's run get
// made after all (found by the client id in its metadata), and what does the thread hold now.
import { setTimeout as sleep } from "node:timers/promises";
import { randomUUID } from "node:crypto";
import { isRecord, messagesOf, type MessageDict } from "./message.js";
import { isStrategy, type Strategy } from "../strategies.js";
import type { OutgoingMessage } from "./types.js";
import { newMessages } from "./history.js";
import { questionOfState, type Question } from "./interrupts.js";
import { httpStatus, type EngineClient } from "./sdk.js";

/** `others`: more runs with the same client id (a create that landed late beside a retry), oldest first, with their status. */
export type Lookup = { found: string; others?: ReadonlyArray<{ runId: string; status: string }> } | "absent" | "unknown";

const PAGE = 100;

async function once(client: EngineClient, threadId: string, clientId: string, knownRunId?: string): Promise<Lookup> {
  if (knownRunId) {
    try {
      await client.runs.get(threadId, knownRunId);
      return { found: knownRunId };
    } catch (err) {
      if (httpStatus(err) !== 404) throw err;
    }
  }
  // The JS server lists runs oldest first and answers any offset past 0 with nothing (it
  // slices to `limit`, not `offset + limit`): so ask again from the start for more, never for a
  // second page, or a run past the first hundred would be "absent" and made twice.
  for (let limit = PAGE; ; limit *= 10) {
    const runs = await client.runs.list(threadId, { limit, offset: 0 });
    const made = runs
      .filter((run) => run.metadata?.chat_client_id === clientId)
      .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    const [first, ...others] = made;
    if (first)
      return others.length
        ? { found: first.run_id, others: others.map((r) => ({ runId: r.run_id, status: r.status })) }
        : { found: first.run_id };
    if (runs.length < limit) return "absent";
  }
}

/** "unknown" when the server could not be asked (3 tries): then creating again is not safe. */
export async function findRun(
  client: EngineClient,
  threadId: string,
  clientId: string,
  options: { signal: AbortSignal; delayMs: number; knownRunId?: string },
): Promise<Lookup> {
  for (let attempt = 1; attempt <= 3 && !options.signal.aborted; attempt++) {
    try {
      return await once(client, threadId, clientId, options.knownRunId);
    } catch {
      await sleep(options.delayMs * attempt);
    }
  }
  return "unknown";
}

/** A run already pending or running on a thread when a session opens it (sent earlier, or by another client). */
export interface FoundRun {
  readonly runId: string;
  readonly status: "pending" | "running";
  readonly text: string;
  /** Its human message's id, when it gave one: where its output begins in the thread. */
  readonly messageId?: string;
  readonly clientId?: string;
  readonly strategy?: string;
}

function foundRun(run: Record<string, unknown>): FoundRun {
  const kwargs = isRecord(run.kwargs) ? run.kwargs : {};
  const input = isRecord(kwargs.input) && Array.isArray(kwargs.input.messages) ? kwargs.input.messages : [];
  const first = isRecord(input[0]) ? input[0] : {};
  const metadata = isRecord(run.metadata) ? run.metadata : {};
  return {
    runId: String(run.run_id),
    status: run.status === "running" ? "running" : "pending",
    text: typeof first.content === "string" ? first.content : input.length ? JSON.stringify(first.content) : "(no message input)",
    ...(typeof first.id === "string" ? { messageId: first.id } : {}),
    ...(typeof metadata.chat_client_id === "string" ? { clientId: metadata.chat_client_id } : {}),
    ...(typeof run.multitask_strategy === "string" ? { strategy: run.multitask_strategy } : {}),
  };
}

/**
 * A running run whose input had no id of its own: the server gave its human message one, found
 * as the last human message with the same text. That is where the run's output begins.
 */
function withInputId(run: FoundRun, messages: readonly MessageDict[]): FoundRun {
  if (run.messageId || run.status !== "running") return run;
  const mine = messages.findLast((m) => m.type === "human" && m.content === run.text && typeof m.id === "string");
  return mine?.id ? { ...run, messageId: mine.id } : run;
}

/** The thread's runs pending or running, oldest first. */
export async function readInFlight(client: EngineClient, threadId: string): Promise<FoundRun[]> {
  const [running, pending] = await Promise.all([
    client.runs.list(threadId, { status: "running", limit: 100 }),
    client.runs.list(threadId, { status: "pending", limit: 100 }),
  ]);
  return [...running, ...pending]
    .filter((run) => run.status === "pending" || run.status === "running")
    .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
    .map((run) => foundRun(run as unknown as Record<string, unknown>));
}

/** What a thread holds when a session opens it: its messages, the question it waits on, its runs in flight. */
export async function readOpening(client: EngineClient, threadId: string) {
  const [state, thread, runs] = await Promise.all([
    client.threads.getState(threadId, undefined, { subgraphs: true }),
    client.threads.get(threadId),
    readInFlight(client, threadId),
  ]);
  const messages = messagesOf(state.values);
  const question: Question | undefined = thread.status === "interrupted" ? questionOfState(state) : undefined;
  const inFlight = runs.map((run) => withInputId(run, messages));
  // What a run in flight already wrote is printed with its run, not as history.
  const cut = new Set(inFlight.flatMap((run) => (run.messageId ? [run.messageId] : [])));
  return { existing: newMessages(messages, new Set(), cut), question, inFlight };
}

/** A found run as one of the session's messages (what its `adopted` event makes), followed like the ones chat sends. */
export function foundMessage(run: FoundRun): Omit<OutgoingMessage, "index" | "status" | "sentAt"> {
  return {
    clientId: run.clientId ?? randomUUID(),
    messageId: run.messageId ?? randomUUID(),
    text: run.text,
    kind: "message",
    strategy: isStrategy(run.strategy ?? "") ? (run.strategy as Strategy) : "enqueue",
    runId: run.runId,
    found: true,
  };
}
