// The active run as it streams: AI text token by token, tool calls and tool results.
// A pure reducer over the engine's stream events (messages-tuple and updates).
import { isRecord } from "../engine/message.js";
import { wrapLines } from "./layout.js";
import { neutralise, oneLine } from "../sanitize.js";

export interface LiveCall {
  readonly name: string;
  /** JSON text, growing as chunks arrive. */
  readonly args: string;
}

export interface LiveEntry {
  readonly id: string;
  readonly role: "ai" | "tool";
  readonly text: string;
  readonly calls: readonly LiveCall[];
}

export interface LiveState {
  readonly index: number | undefined;
  readonly entries: readonly LiveEntry[];
}

export const NO_LIVE: LiveState = { index: undefined, entries: [] };

type Dict = Record<string, unknown>;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((block) => (isRecord(block) && typeof block.text === "string" ? block.text : "")).join("");
  }
  return "";
}

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

function upsert(state: LiveState, id: string, role: LiveEntry["role"], change: (e: LiveEntry) => LiveEntry): LiveState {
  const existing = state.entries.find((e) => e.id === id);
  const base: LiveEntry = existing ?? { id, role, text: "", calls: [] };
  const next = change(base);
  const entries = existing ? state.entries.map((e) => (e.id === id ? next : e)) : [...state.entries, next];
  return { ...state, entries };
}

/** Folds one stream event of run `index` into the live view (a new index starts afresh). */
export function liveReducer(state: LiveState, index: number, event: string, data: unknown): LiveState {
  const current = state.index === index ? state : { index, entries: [] };
  if (event !== "messages" || !Array.isArray(data) || !isRecord(data[0])) return current;
  const chunk = data[0];
  const id = typeof chunk.id === "string" ? chunk.id : `#${current.entries.length}`;
  if (chunk.type === "tool") {
    const name = typeof chunk.name === "string" ? chunk.name : "tool";
    return upsert(current, id, "tool", (e) => ({ ...e, text: `${name}: ${textOf(chunk.content)}` }));
  }
  return upsert(current, id, "ai", (e) => ({ ...e, text: e.text + textOf(chunk.content), calls: mergeCalls(e.calls, chunk) }));
}

export interface LiveLine {
  readonly text: string;
  readonly kind: "call" | "result" | "text";
}

/** The live run as display lines, neutralised and wrapped to `width`: tool calls and results one line each. */
export function liveLines(live: LiveState, width: number): LiveLine[] {
  const shownLine = (text: string, max: number) => oneLine(neutralise(text), max);
  return live.entries.flatMap((entry): LiveLine[] => {
    if (entry.role === "tool") return [{ text: shownLine(`← ${entry.text}`, width), kind: "result" }];
    const calls = entry.calls.map((call): LiveLine => ({
      text: shownLine(`→ ${call.name || "tool"}(${call.args})`, width),
      kind: "call",
    }));
    const text = entry.text
      ? wrapLines(neutralise(entry.text), width).map((line): LiveLine => ({ text: line, kind: "text" }))
      : [];
    return [...calls, ...text];
  });
}
