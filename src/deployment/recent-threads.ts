// A deployment's recent threads: listed (`chat threads`, `/threads`), and the one a typed start or
// end of its id names, looked up with one search among them (`--thread`, `/thread`).
import type { Client } from "@langchain/langgraph-sdk";
import { ConnectionError, UsageError } from "../errors.js";
import { messagesOf } from "../engine/message.js";
import { clip, oneLine } from "../sanitize.js";
import { pyStr } from "../pretty-print/python-repr.js";
import { UUID, couldBeId, matchThread, notAnId, unresolved, type ThreadRow } from "../thread-ids.js";
import { connectionProblem } from "./connect.js";

/** How many of the most recently updated threads a typed part of an id is looked for among. */
export const RECENT = 100;

/** A search's answer, which must be a list: anything else is the server's fault, said in one line. */
export function listOf<T>(answer: T[], label: string, what: string): T[] {
  const given: unknown = answer;
  if (Array.isArray(given)) return answer;
  throw new ConnectionError(
    `${label} answered the ${what} search with ${given === null ? "null" : typeof given === "object" ? "an object" : typeof given}, not a list`,
  );
}

type Search = Parameters<Client["threads"]["search"]>[0];

async function search(client: Client, label: string, options: Search) {
  try {
    return listOf(await client.threads.search({ ...options, sortBy: "updated_at", sortOrder: "desc" }), label, "threads");
  } catch (err) {
    throw err instanceof ConnectionError ? err : connectionProblem(err, label);
  }
}

/**
 * The `limit` most recently updated threads (of those with id `only`, if given), newest first,
 * with the first words of each one's last message.
 */
export async function recentThreads(client: Client, label: string, limit: number, only?: string): Promise<ThreadRow[]> {
  return (await search(client, label, { limit, ...(only ? { ids: [only] } : {}) })).map((t) => {
    const last = messagesOf(t.values).at(-1);
    // Each is text, even from a server that leaves one out.
    return {
      thread_id: String(t.thread_id),
      status: String(t.status ?? ""),
      updated_at: String(t.updated_at ?? ""),
      last_message: last ? oneLine(pyStr(last.content ?? ""), 48) : null,
    };
  });
}

/** The ids of the most recently updated threads, newest first (their ids only: a cheap search). */
export async function recentThreadIds(client: Client, label: string, limit = RECENT): Promise<string[]> {
  return (await search(client, label, { limit, select: ["thread_id"] })).map((t) => t.thread_id);
}

/**
 * The whole id of the thread `typed` names: a whole id as it is (reading the thread says whether
 * it exists), else the one recent thread whose id starts or ends with it. None or several is a
 * usage error, one line that lists the candidates.
 */
export async function resolveThreadId(client: Client, typed: string, label: string): Promise<string> {
  const given = typed.trim();
  if (UUID.test(given)) return given;
  if (!couldBeId(given)) throw new UsageError(notAnId(given));
  const ids = await recentThreadIds(client, label);
  const match = matchThread(given, ids);
  if (match.kind === "one") return match.id;
  const where = clip(label, 100);
  const among = ids.length < RECENT ? `the ${ids.length} threads on ${where}` : `the ${RECENT} most recent threads on ${where}`;
  throw new UsageError(unresolved(given, match, among));
}
