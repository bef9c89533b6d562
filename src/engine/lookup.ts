// Questions the engine asks the server when an answer went missing: did this message's run get
// made after all (found by the client id in its metadata), and what does the thread hold now.
import { setTimeout as sleep } from "node:timers/promises";
import { messagesOf, type MessageDict } from "./message.js";
import { newMessages } from "./history.js";
import { questionOfState, type Question } from "./interrupts.js";
import { httpStatus, type EngineClient } from "./sdk.js";

export type Lookup = { found: string } | "absent" | "unknown";

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
  // Servers list runs oldest first: page through all of them, not just the first page.
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.runs.list(threadId, { limit: PAGE, offset });
    const made = page.find((run) => run.metadata?.chat_client_id === clientId);
    if (made) return { found: made.run_id };
    if (page.length < PAGE) return "absent";
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

/** The thread's messages, retried a few times: a run's output must not be skipped for a blip. */
export async function readMessages(client: EngineClient, threadId: string, delayMs: number): Promise<MessageDict[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return messagesOf((await client.threads.getState(threadId)).values);
    } catch (err) {
      if (attempt >= 4 || httpStatus(err) === 404) throw err;
      await sleep(delayMs * 2 ** attempt);
    }
  }
}

/** What a thread holds when a session opens it: its messages, and the question it waits on. */
export async function readOpening(client: EngineClient, threadId: string) {
  const [state, thread] = await Promise.all([
    client.threads.getState(threadId, undefined, { subgraphs: true }),
    client.threads.get(threadId),
  ]);
  const existing = newMessages(messagesOf(state.values), new Set(), new Set());
  const question: Question | undefined = thread.status === "interrupted" ? questionOfState(state) : undefined;
  return { existing, question };
}
