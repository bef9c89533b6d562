// A thread's id as people use it: the part that tells it apart (UUIDv7 ids made in the same minute
// share their first 8 characters), and which recent thread a typed start or end of an id names. Pure.

/** A whole thread id as LangGraph servers make and take them. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a thread list says of each thread (`chat threads`, `/threads`). */
export interface ThreadRow {
  readonly thread_id: string;
  readonly status: string;
  readonly updated_at: string;
  /** The first words of its last message. */
  readonly last_message: string | null;
}

/** The id as compared: lower case, without hyphens (so "0a1b-2c3d" and "0a1b2c3d" are one). */
const plain = (id: string) => id.toLowerCase().replace(/-/g, "");

/** Typed text that could be part of an id: hex digits, maybe with hyphens. */
export const couldBeId = (typed: string): boolean => /^[0-9a-f-]*[0-9a-f][0-9a-f-]*$/i.test(typed);

/** The ids among `ids` that start or end with `typed` (case and hyphens aside), each once, in order. */
export function idsMatching(typed: string, ids: readonly string[]): string[] {
  const part = plain(typed.trim());
  if (part === "") return [];
  return [...new Set(ids)].filter((id) => {
    const whole = plain(id);
    return whole.startsWith(part) || whole.endsWith(part);
  });
}

export type Match =
  | { readonly kind: "one"; readonly id: string }
  | { readonly kind: "none" }
  | { readonly kind: "several"; readonly ids: readonly string[] };

/** Which of `ids` a typed id, or the start or end of one, names. A whole id names itself. */
export function matchThread(typed: string, ids: readonly string[]): Match {
  const exact = ids.find((id) => plain(id) === plain(typed.trim()));
  if (exact) return { kind: "one", id: exact };
  const found = idsMatching(typed, ids);
  if (found.length === 0) return { kind: "none" };
  return found.length === 1 ? { kind: "one", id: found[0] ?? "" } : { kind: "several", ids: found };
}

/**
 * The part of `id` that tells it apart from `others`: its last 8 characters, or as many more as
 * it takes for that part to name it alone (as `matchThread` reads it); typed back, it finds it.
 */
export function distinguishing(id: string, others: readonly string[], least = 8): string {
  const all = others.includes(id) ? others : [...others, id];
  for (let n = least; n < id.length; n++) {
    const tail = id.slice(-n);
    if (tail.startsWith("-")) continue;
    const match = matchThread(tail, all);
    if (match.kind === "one" && match.id === id) return tail;
  }
  return id;
}

/** Said of typed text that cannot be part of a thread id, before anything is looked up. */
export const notAnId = (typed: string): string =>
  `not a thread id: ${quoted(typed)} (thread ids are UUIDs: give one, or any unique start or end of one)`;

const quoted = (typed: string) => JSON.stringify(typed.length > 40 ? `${typed.slice(0, 40)}…` : typed);

/** The candidates in a one-line refusal: the first few whole ids, and how many more. */
function candidates(ids: readonly string[], shown = 5): string {
  const more = ids.length - shown;
  return ids.slice(0, shown).join(", ") + (more > 0 ? `, and ${more} more` : "");
}

/**
 * The one line said when a typed id names no recent thread or several (`among`: which threads
 * were looked at, e.g. "the 100 most recent threads on local").
 */
export function unresolved(typed: string, match: Exclude<Match, { kind: "one" }>, among: string): string {
  const shown = quoted(typed);
  if (match.kind === "none") return `no thread id starts or ends with ${shown} among ${among} (chat threads, /threads list them)`;
  return `${shown} is the start or end of ${match.ids.length} thread ids: ${candidates(match.ids)}; give more of it`;
}
