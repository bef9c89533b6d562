// /threads: the deployment's recent threads as numbered lines in the transcript, and which one a
// number typed after /thread picks. No I/O of its own: the threads come from the deployment's
// side through RecentThreads.
import { oneLine } from "../sanitize.js";
import { errorMessage } from "../errors.js";
import { distinguishing, type ThreadRow } from "../thread-ids.js";

/** How long ago `iso` was, in a few characters ("12s ago", "3m ago", "5h ago"), else its date. */
export function ago(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return iso.slice(0, 10);
}

/**
 * The list as the transcript shows it: a number, the id's distinguishing part (among `known`, the
 * recent ids a typed part is resolved against), status, last update, first words of the last
 * message; `*` marks the thread in view.
 */
export function threadListText(rows: readonly ThreadRow[], inView: string, known: readonly string[], now: number): string {
  if (rows.length === 0) return "no threads on this deployment yet (/new starts one)";
  const ids = [...known, ...rows.map((r) => r.thread_id)];
  const cells = rows.map((r, i) => [
    `${r.thread_id === inView ? "*" : " "} ${String(i + 1).padStart(String(rows.length).length)}`,
    distinguishing(r.thread_id, ids),
    r.status,
    ago(r.updated_at, now),
    oneLine(r.last_message ?? "", 48),
  ]);
  const widths = cells[0]?.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? "").length))) ?? [];
  const align = (cell: string, c: number) => (c === widths.length - 1 ? cell : cell.padEnd(widths[c] ?? 0));
  const lines = cells.map((row) => row.map(align).join("  ").trimEnd());
  return ["recent threads, newest first (* in view); /thread <n> opens one:", ...lines].join("\n");
}

/** Where the threads come from (deployment/recent-threads.ts, bound to the connection). */
export interface RecentThreads {
  /** The ids a typed part of one is resolved against, newest first. */
  ids(): Promise<string[]>;
  /** The rows /threads lists, newest first. */
  rows(): Promise<ThreadRow[]>;
}

/** The last list /threads showed, for /thread <n>. */
export class ThreadPicker {
  private listed: readonly string[] | undefined;

  constructor(private readonly source: RecentThreads | undefined) {}

  /** /threads: the list's text and the recent ids it was told apart among, or a warning why there is none. */
  async list(inView: string, now = Date.now()): Promise<{ text: string; known?: string[]; tone?: "warning" }> {
    if (!this.source) return { text: "threads cannot be listed here", tone: "warning" };
    try {
      const [rows, known] = await Promise.all([this.source.rows(), this.source.ids()]);
      this.listed = rows.map((r) => r.thread_id);
      return { text: threadListText(rows, inView, known, now), known };
    } catch (err) {
      return { text: `cannot list the threads: ${errorMessage(err)}`, tone: "warning" };
    }
  }

  pick(n: number): { id: string } | { problem: string } {
    return pick(this.listed, n);
  }

  /** The recent ids, once read (the status bar tells the thread in view apart among them). */
  watch(known: (ids: string[]) => void): void {
    this.source?.ids().then(known, () => undefined);
  }

  /** /threads into the transcript, and the recent ids it was told apart among. */
  async listInto(inView: string, known: (ids: string[]) => void, say: (text: string, tone?: "warning") => void): Promise<void> {
    const { text, known: ids, tone } = await this.list(inView);
    if (ids) known(ids);
    say(text, tone);
  }
}

/** The id a number typed after /thread picks from the last list, or why it picks none. */
export function pick(listed: readonly string[] | undefined, n: number): { id: string } | { problem: string } {
  if (!listed) return { problem: `nothing listed to pick ${n} from: /threads lists the recent threads, numbered` };
  const id = listed[n - 1];
  if (id === undefined)
    return { problem: `no thread ${n} in the last /threads list (${listed.length ? `1-${listed.length}` : "it was empty"})` };
  return { id };
}
