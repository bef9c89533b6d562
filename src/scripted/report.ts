// What the scripted face says about each engine event: a status line on stderr, an NDJSON event
// with --json, and the exit code for how everything ended. Pure.
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Question } from "../engine/interrupts.js";
import type { OutgoingMessage, SessionEvent } from "../engine/types.js";
import type { Usage } from "../engine/usage.js";
import { isTerminal } from "../engine/status.js";
import { outcomeLabel } from "../faces/status-looks.js";
import { questionSummary } from "../human-in-the-loop/describe.js";
import { clip, neutralise, oneLine } from "../sanitize.js";

/** Status lines quote what was sent and what the server said, clipped: a 1 MB message is not echoed. */
export const quote = (text: string, max = 200) => clip(neutralise(text), max);

/**
 * How the messages ended, as one exit code: refused credentials first (the rest cannot work
 * either), then runs whose fate is unknown (a rerun could double them), then errors, then an
 * agent left waiting, then rejections.
 */
export function exitCodeFor(messages: readonly OutgoingMessage[], timedOut: boolean, waiting = false): ExitCode {
  if (messages.some((m) => m.status === "failed" && (m.httpStatus === 401 || m.httpStatus === 403))) return EXIT.unreachable;
  if (messages.some((m) => m.status === "unknown")) return EXIT.unknown;
  if (timedOut || messages.some((m) => m.status === "error" || m.status === "failed")) return EXIT.runFailed;
  if (waiting) return EXIT.waiting;
  if (messages.some((m) => m.status === "rejected")) return EXIT.rejected;
  return EXIT.ok;
}

/** "58 tokens (35 in, 23 out)": what a run's model reported using. */
export function tokenWords(usage: Usage): string {
  return `${usage.total_tokens} tokens (${usage.input_tokens} in, ${usage.output_tokens} out)`;
}

/** The stderr line for a message that reached a final status, with the tokens its run used (said once, where it ended). */
export function statusLine(m: OutgoingMessage): string {
  const ended = m.status !== "answered" && m.status !== "dropped";
  return m.usage && ended ? `${endLine(m)} · ${tokenWords(m.usage)}` : endLine(m);
}

function endLine(m: OutgoingMessage): string {
  if (m.status === "waiting")
    return `[${m.index + 1}] waiting for input: ${questionSummary({ interrupts: m.interrupts ?? [], pausedBefore: m.pausedBefore })}`;
  if (m.status === "answered" && m.by !== undefined) return `[${m.index + 1}] answered by #${m.by + 1}`;
  const http = m.httpStatus ? ` (HTTP ${m.httpStatus})` : "";
  // Worded as every face words it; "interrupted by #3 (interrupt)" and "cancelled" already say it.
  const word = outcomeLabel(m);
  if (m.detail === word || m.detail?.startsWith(`${word} `)) return `[${m.index + 1}] ${quote(m.detail, 500)}${http}`;
  const detail = m.detail ? `: ${quote(m.detail, 500)}` : "";
  return `[${m.index + 1}] ${word}${http}${detail}`;
}

/**
 * What a signal cut off, for stderr: the messages the done event lists as `unfinished`, each named,
 * and what becomes of them. `see`: the command that shows a remote thread's runs going on.
 */
export function signalLines(messages: readonly OutgoingMessage[], signal: string, local: boolean, see: string): string[] {
  const open = messages.filter((m) => !isTerminal(m.status));
  const made = open.filter((m) => m.runId !== undefined);
  const unsent = open.filter((m) => m.runId === undefined);
  const list = (ms: readonly OutgoingMessage[]) =>
    ms.map((m) => `  #${m.index + 1} ${oneLine(neutralise(JSON.stringify(m.text)), 100)}`);
  const fate = local
    ? "cut off: the local deployment stops with chat"
    : `unfinished: their runs keep going on the server (see them with: ${neutralise(see)})`;
  return [
    ...(made.length ? [`chat: stopped by ${signal}: ${made.length} message(s) ${fate}:`, ...list(made)] : []),
    ...(unsent.length ? [`chat: stopped by ${signal}: ${unsent.length} message(s) never sent:`, ...list(unsent)] : []),
  ];
}

/** The stderr line for a message just sent. */
export function sentLine(m: OutgoingMessage): string {
  const what = m.kind === "answer" ? `answer${m.answer?.of !== undefined ? ` to #${m.answer.of + 1}` : ""}` : "sent";
  // A note from the create, e.g. that a late create made a second run, which was cancelled.
  const note = m.detail ? ` (${quote(m.detail, 500)})` : "";
  return `[${m.index + 1}] ${what} with ${m.strategy}: ${quote(m.text)}${note}`;
}

function questionEvent(question: Question, threadId: string, runId: string | undefined): object {
  return {
    type: "interrupt",
    index: question.index === undefined ? null : question.index + 1,
    run_id: runId ?? null,
    thread_id: threadId,
    interrupts: question.interrupts.map((i) => ({ id: i.id ?? null, value: i.value })),
    paused_before: question.pausedBefore ?? null,
    /** A message already queued behind it runs next as new input, and the server drops this question. */
    will_be_dropped_by: question.doomedBy === undefined ? null : question.doomedBy + 1,
  };
}

type StatusEvent = Extract<SessionEvent, { type: "status" }>;

/** What a status event says, by the event that moved the message (its cause), with `from` and `cause` added. */
function statusEvent({ message: m, from, cause }: StatusEvent, threadId: string): object | undefined {
  const base = { index: m.index + 1 };
  const moved = { from, cause: cause.type };
  const by = (index: number | undefined) => (index === undefined ? null : index + 1);
  switch (cause.type) {
    // Another client's run, noticed on the thread while ours were in flight.
    case "adopted":
      return { type: "found", ...base, run_id: m.runId, status: m.status, text: m.text, ...moved };
    case "created":
      return {
        type: "sent",
        ...base,
        run_id: m.runId,
        thread_id: threadId,
        strategy: m.strategy,
        text: m.text,
        ...(m.detail ? { note: m.detail } : {}),
        ...(m.answer ? { answers: by(m.answer.of), value: m.answer.value } : {}),
        ...moved,
      };
    case "rejected":
      return {
        type: "rejected",
        ...base,
        strategy: m.strategy,
        status: m.httpStatus ?? null,
        text: m.text,
        reason: m.detail ?? null,
        ...moved,
      };
    case "held":
      return { type: "held", ...base, text: m.text, ...moved };
    case "answered":
      return { type: "answered", ...base, by: by(m.by), ...moved };
    case "dropped":
      return { type: "question_dropped", ...base, by: by(m.by), reason: m.detail ?? null, ...moved };
    case "withdrawn":
      return { type: "withdrawn", ...base, how: cause.how, run_id: m.runId ?? null, text: m.text, ...moved };
  }
  if (!isTerminal(m.status)) return undefined;
  // `label`: the word the faces show for it (a run stopped early: interrupted, cancelled, stopped or never ran).
  const finished = { type: "finished", ...base, run_id: m.runId ?? null, status: m.status, label: outcomeLabel(m) };
  const stopper = cause.type === "stopped" || cause.type === "deleted" ? cause.cause : undefined;
  return {
    ...finished,
    server_status: m.serverStatus ?? null,
    detail: m.detail ?? null,
    usage: m.usage ?? null,
    ...moved,
    outcome: m.outcome ?? null,
    ...(stopper
      ? { stopped_by: stopper.kind === "message" ? { message: stopper.by + 1, strategy: stopper.strategy } : stopper.kind }
      : {}),
  };
}

/** NDJSON for an engine event; undefined for events the scripted face does not report. */
export function jsonEvent(
  event: SessionEvent,
  threadId: string,
  runIdOf: (index: number) => string | undefined,
): object | undefined {
  if (event.type === "values") return { type: "values", index: event.index + 1, values: event.values };
  if (event.type === "notice") return { type: "notice", index: event.index + 1, text: event.text };
  if (event.type === "messages")
    return { type: "messages", index: event.index + 1, messages: event.messages, ...(event.byOthers ? { by_others: true } : {}) };
  if (event.type === "question") {
    const { question, dropped, droppedBy } = event;
    if (question) return questionEvent(question, threadId, question.index === undefined ? undefined : runIdOf(question.index));
    // A question found when the thread was opened has no message of ours to report it on.
    if (dropped?.index === undefined && droppedBy !== undefined)
      return { type: "question_dropped", index: null, by: droppedBy + 1 };
    return undefined;
  }
  return event.type === "status" ? statusEvent(event, threadId) : undefined;
}
