// The active run as it streams: AI text token by token, tool calls and tool results, and what
// its subgraphs and subagents do (a deep agent's `task`), each under its own name. A pure reducer
// over the engine's stream events (messages-tuple, from every namespace) and its display lines.
import { isRecord, type MessageDict } from "../engine/message.js";
import { wrapLines } from "./layout.js";
import { neutralise, oneLine } from "../sanitize.js";
import { blocksOf } from "./content-blocks.js";

export interface LiveCall {
  readonly name: string;
  /** JSON text, growing as chunks arrive. */
  readonly args: string;
}

export interface LiveEntry {
  readonly id: string;
  readonly role: "ai" | "tool";
  readonly text: string;
  /** Reasoning (thinking) blocks, shown apart from the answer. */
  readonly reasoning: string;
  /** One placeholder per image, audio or file block. */
  readonly media: readonly string[];
  readonly calls: readonly LiveCall[];
  /** The subgraph it streams from ("" for the graph itself): its namespace, joined. */
  readonly ns: string;
  /** Who in a subgraph: a subagent's name, else the subgraph's node. */
  readonly agent?: string;
}

export interface LiveState {
  readonly index: number | undefined;
  readonly entries: readonly LiveEntry[];
}

export const NO_LIVE: LiveState = { index: undefined, entries: [] };

type Dict = Record<string, unknown>;

/** Tool-call chunks carry an index: the name comes once, the args arrive in pieces. */
function mergeCalls(calls: readonly LiveCall[], chunk: Dict): readonly LiveCall[] {
  const pieces = Array.isArray(chunk.tool_call_chunks) ? chunk.tool_call_chunks.filter(isRecord) : [];
  if (pieces.length === 0) {
    // A whole message (no chunks): its tool_calls are complete.
    const whole = Array.isArray(chunk.tool_calls) ? chunk.tool_calls.filter(isRecord) : [];
    if (whole.length === 0 || calls.length > 0) return calls;
    return whole.map((c) => ({ name: String(c.name ?? "tool"), args: JSON.stringify(c.args ?? {}) }));
  }
  const next = [...calls];
  for (const piece of pieces) {
    const at = typeof piece.index === "number" ? piece.index : next.length;
    const before = next[at] ?? { name: "", args: "" };
    next[at] = {
      name: before.name || (typeof piece.name === "string" ? piece.name : ""),
      args: before.args + (typeof piece.args === "string" ? piece.args : ""),
    };
  }
  return next;
}

type Where = Pick<LiveEntry, "ns" | "agent">;

function upsert(
  state: LiveState,
  id: string,
  role: LiveEntry["role"],
  where: Where,
  change: (e: LiveEntry) => LiveEntry,
): LiveState {
  const existing = state.entries.find((e) => e.id === id);
  const base: LiveEntry = existing ?? { id, role, text: "", reasoning: "", media: [], calls: [], ...where };
  const next = change(base);
  const entries = existing ? state.entries.map((e) => (e.id === id ? next : e)) : [...state.entries, next];
  return { ...state, entries };
}

/** A subgraph's name: the subagent the metadata names (deepagents, createAgent), else its node in the namespace. */
function whereOf(namespace: readonly string[], metadata: unknown): Where {
  if (namespace.length === 0) return { ns: "" };
  const named = isRecord(metadata) && typeof metadata.lc_agent_name === "string" ? metadata.lc_agent_name : undefined;
  const node = namespace[0]?.split(":")[0] || "subgraph";
  return { ns: namespace.join("|"), agent: named ?? node };
}

/** Folds one stream event of run `index` into the live view (a new index starts afresh). */
export function liveReducer(
  state: LiveState,
  index: number,
  event: string,
  data: unknown,
  namespace: readonly string[] = [],
): LiveState {
  const current = state.index === index ? state : { index, entries: [] };
  if (event !== "messages" || !Array.isArray(data) || !isRecord(data[0])) return current;
  const chunk = data[0];
  const where = whereOf(namespace, data[1]);
  const id = typeof chunk.id === "string" ? chunk.id : `#${current.entries.length}`;
  const blocks = blocksOf(chunk.content);
  if (chunk.type === "tool") {
    const name = typeof chunk.name === "string" ? chunk.name : "tool";
    return upsert(current, id, "tool", where, (e) => ({ ...e, text: `${name}: ${blocks.text}`, media: blocks.media }));
  }
  return upsert(current, id, "ai", where, (e) => ({
    ...e,
    text: e.text + blocks.text,
    reasoning: e.reasoning + blocks.reasoning,
    media: [...e.media, ...blocks.media],
    calls: mergeCalls(e.calls, chunk),
  }));
}

/**
 * Whether run `index` streamed answer text here that the server did not keep: an AI message of
 * the graph itself (a subagent's never are the thread's) among none of the `kept` messages, by
 * id or by its text. An interrupted run keeps only what its checkpoints hold.
 */
export function streamedNotKept(live: LiveState, index: number, kept: readonly MessageDict[]): boolean {
  if (live.index !== index) return false;
  const ids = new Set(kept.map((m) => m.id));
  const texts = kept.filter((m) => m.type === "ai").map((m) => blocksOf(m.content).text);
  return live.entries.some((e) => {
    const text = e.text.trim();
    return e.role === "ai" && e.ns === "" && text !== "" && !ids.has(e.id) && !texts.some((t) => t.includes(text));
  });
}

export interface LiveLine {
  readonly text: string;
  readonly kind: "call" | "result" | "text" | "reasoning" | "media" | "agent";
}

/** One entry's lines, `width` columns wide. */
function entryLines(entry: LiveEntry, width: number): LiveLine[] {
  const shownLine = (text: string) => oneLine(neutralise(text), width);
  const media = entry.media.map((m): LiveLine => ({ text: shownLine(m), kind: "media" }));
  if (entry.role === "tool") return [{ text: shownLine(`← ${entry.text}`), kind: "result" }, ...media];
  // Reasoning grows token by token: its newest words, on one dim line.
  const flat = neutralise(entry.reasoning.replace(/\s+/g, " ").trim());
  const thinking: LiveLine[] = flat
    ? [{ text: `✻ ${flat.length > width - 2 ? `…${flat.slice(flat.length - (width - 3))}` : flat}`, kind: "reasoning" }]
    : [];
  const calls = entry.calls.map((call): LiveLine => ({
    text: shownLine(`→ ${call.name || "tool"}(${call.args})`),
    kind: "call",
  }));
  const text = entry.text ? wrapLines(neutralise(entry.text), width).map((line): LiveLine => ({ text: line, kind: "text" })) : [];
  return [...thinking, ...calls, ...text, ...media];
}

/**
 * The live run as display lines, neutralised and wrapped to `width`: tool calls and results one
 * line each; a subgraph's lines indented under a line naming it, where it starts streaming.
 */
export function liveLines(live: LiveState, width: number): LiveLine[] {
  let ns = "";
  return live.entries.flatMap((entry): LiveLine[] => {
    if (entry.ns === "") return ((ns = ""), entryLines(entry, width));
    const header: LiveLine[] =
      entry.ns === ns
        ? []
        : [{ text: `  ${oneLine(`↳ ${neutralise(entry.agent ?? "subgraph")}`, Math.max(1, width - 2))}`, kind: "agent" }];
    ns = entry.ns;
    const inner = entryLines(entry, Math.max(1, width - 4)).map((line) => ({ ...line, text: `    ${line.text}` }));
    return [...header, ...inner];
  });
}
