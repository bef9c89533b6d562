// A thread waiting for a person: the questions its graph asked with interrupt(), or the static
// breakpoint it paused at, read from a run's stream or the thread's state; and the run that answers.
import { isRecord } from "./message.js";

export interface OpenInterrupt {
  /** Needed to answer one of several open questions; a server may leave it out. */
  readonly id?: string;
  readonly value: unknown;
}

export interface Question {
  /** Our message whose run asked; none when the thread was already waiting when opened. */
  readonly index?: number;
  /** What interrupt() was called with; empty at a static breakpoint. */
  readonly interrupts: readonly OpenInterrupt[];
  /** A static breakpoint (interruptBefore/After): the node it paused before, and its subgraph. */
  readonly pausedBefore?: { readonly node: string; readonly graph?: string };
  /**
   * A later message of ours was already on its way when the run stopped to ask: the server runs
   * it next as new input and drops this question, so it cannot be answered.
   */
  readonly doomedBy?: number;
}

function asInterrupts(list: unknown): OpenInterrupt[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((i) => (typeof i.id === "string" ? { id: i.id, value: i.value } : { value: i.value }));
}

/**
 * The interrupts in an `updates` stream event: `{__interrupt__: [...]}` when the run stopped to
 * wait (an empty list at a breakpoint); undefined for any other update.
 */
export function interruptsOfUpdate(data: unknown): OpenInterrupt[] | undefined {
  if (!isRecord(data) || !("__interrupt__" in data)) return undefined;
  return asInterrupts(data.__interrupt__);
}

interface StateTask {
  name?: unknown;
  interrupts?: unknown;
  state?: unknown;
}

/** Where a waiting thread stopped, from `getState(thread, undefined, { subgraphs: true })`. */
export function questionOfState(state: { next?: unknown; tasks?: unknown }): Omit<Question, "index"> {
  const tasks: StateTask[] = Array.isArray(state.tasks) ? state.tasks.filter(isRecord) : [];
  const interrupts = tasks.flatMap((t) => asInterrupts(t.interrupts));
  if (interrupts.length) return { interrupts };
  const task = tasks[0];
  const inner = isRecord(task?.state) && Array.isArray(task.state.next) ? task.state.next : [];
  const next = Array.isArray(state.next) ? state.next : [];
  if (typeof inner[0] === "string")
    return { interrupts: [], pausedBefore: { node: inner[0], graph: String(task?.name ?? next[0]) } };
  if (typeof next[0] === "string") return { interrupts: [], pausedBefore: { node: next[0] } };
  return { interrupts: [] };
}

/**
 * The run payload that answers: `command.resume` with the value (by interrupt id when several
 * are open), or null input to go on from a breakpoint.
 */
export function answerPayload(question: Question, value: unknown, interruptId?: string): Record<string, unknown> {
  if (question.interrupts.length === 0) return { input: null };
  const open = question.interrupts;
  if (open.length === 1 && interruptId === undefined) return { command: { resume: value } };
  const id = interruptId ?? open[0]?.id;
  if (!id) return { command: { resume: value } };
  return { command: { resume: { [id]: value } } };
}

/** An answer as a message: what it reads as, and the resume (or go-on at a breakpoint) it sends. */
export function answerFields(question: Question, value: unknown, options: { interruptId?: string; text?: string }) {
  const breakpoint = question.interrupts.length === 0;
  return {
    text: breakpoint ? "(continue)" : (options.text ?? (typeof value === "string" ? value : JSON.stringify(value))),
    kind: "answer" as const,
    answer: {
      value: breakpoint ? null : value,
      payload: answerPayload(question, value, options.interruptId),
      of: question.index,
    },
  };
}
