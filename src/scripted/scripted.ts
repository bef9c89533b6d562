// The non-interactive face: sends each message as it comes, prints each finished run's new
// messages to stdout in queue order (or NDJSON with --json), status to stderr, returns an exit code.
import { setTimeout as sleep } from "node:timers/promises";
import type { ExitCode } from "../exit-codes.js";
import { UsageError } from "../errors.js";
import type { Session } from "../engine/session.js";
import type { SessionEvent } from "../engine/types.js";
import type { Question } from "../engine/interrupts.js";
import { isTerminal } from "../engine/status.js";
import type { Strategy } from "../strategies.js";
import { prettyTranscript, type Theme } from "../pretty-print/pretty.js";
import { prettyValues } from "../pretty-print/values.js";
import { neutralise, safeJson } from "../sanitize.js";
import { describeQuestion, questionSummary } from "../human-in-the-loop/describe.js";
import { answerEach, answerFor, shapeOf } from "../human-in-the-loop/schemas.js";
import { exitCodeFor, jsonEvent, quote, sentLine, signalLines, statusLine } from "./report.js";
import type { GivenInput } from "./sources.js";

export interface ScriptedOptions {
  strategy: Strategy;
  /** The first message forks the thread from this checkpoint (--fork). */
  fork?: string;
  gapMs: number;
  json: boolean;
  timeoutMs?: number;
  /** Answers for the questions the agent asks, in order (JSON when they parse, else text). */
  answers?: readonly string[];
  /** Go on from every breakpoint the graph pauses at. */
  continueAtBreakpoints?: boolean;
  theme: Theme;
  /** The runs die with chat's own local deployment; a remote one keeps them going. */
  local?: boolean;
  /** The command that comes back to this deployment, for hints (`… --thread <id>`); default "chat". */
  command?: string;
  /** Registers what to write if a signal ends chat (see signals.ts). */
  sayOnSignal?(words: (signal: string, code: number) => void): () => void;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Prints each event (transcript, status lines or NDJSON) and answers questions while answers last. */
function reporter(session: Session, options: ScriptedOptions): (event: SessionEvent) => void {
  const answers = [...(options.answers ?? [])];
  const runIdOf = (index: number) => session.getSnapshot()[index]?.runId;
  return (event) => {
    if (options.json) {
      const data = jsonEvent(event, session.threadId, runIdOf);
      if (data) options.stdout(`${safeJson(data)}\n`);
    } else if (event.type === "messages") {
      if (event.byOthers)
        options.stderr(`[${event.index + 1}] before it, another client's runs wrote ${event.messages.length} message(s):\n`);
      options.stdout(prettyTranscript(event.messages, options.theme));
    } else if (event.type === "values") options.stdout(prettyValues(event.values, options.theme));
    else if (event.type === "notice") options.stderr(`[${event.index + 1}] ${quote(event.text, 500)}\n`);
    else if (event.type === "status") {
      // Runs of others (found at open, or noticed later) are announced once, when adopted.
      const { message: m, cause } = event;
      if (cause.type === "adopted") options.stderr(`[${m.index + 1}] another client sent (${m.status}): ${quote(m.text)}\n`);
      else if (cause.type === "created") options.stderr(`${sentLine(m)}\n`);
      else if (cause.type === "held") options.stderr(`[${m.index + 1}] held until no run may still ask (--hold)\n`);
      else if (isTerminal(m.status)) options.stderr(`${statusLine(m)}\n`);
    } else if (event.type === "question") {
      if (event.question) options.stdout(`${describeQuestion(event.question, options.theme.width)}\n`);
      else if (event.dropped && event.dropped.index === undefined && event.droppedBy !== undefined) {
        options.stderr(`chat: #${event.droppedBy + 1} ran as a new message, so the server dropped the thread's open question\n`);
      }
    }
    if (event.type === "question" && event.question && !session.questionRefusal()) {
      answer(session, event.question, answers, options);
    }
  };
}

function answer(session: Session, question: Question, answers: string[], options: ScriptedOptions): void {
  if (question.interrupts.length === 0 && options.continueAtBreakpoints) {
    session.answer(null, options.strategy);
    return;
  }
  const value = question.interrupts[0]?.value;
  const shape = shapeOf(value);
  // A review of several actions takes one --answer per action, in order, or a single one left for all.
  const actions = shape.kind === "review" ? shape.actions.length : 1;
  if (actions > 1 && answers.length > 1 && answers.length < actions)
    return options.stderr(
      `chat: the agent asks about ${actions} actions, and ${answers.length} --answer are left: give one per action, or one for all\n`,
    );
  const perAction = shape.kind === "review" && actions > 1 && answers.length >= actions ? shape : undefined;
  const given = answers.splice(0, perAction ? actions : 1);
  if (given.length === 0) return;
  const text = given.join("; ");
  const decided = perAction ? answerEach(perAction, given) : answerFor(value, text);
  if ("problem" in decided) return options.stderr(`chat: --answer ${given.map(quote).join(" --answer ")}: ${decided.problem}\n`);
  session.answer(decided.value, options.strategy, { text });
}

export async function runScripted(
  session: Session,
  source: AsyncIterable<string | GivenInput>,
  options: ScriptedOptions,
): Promise<ExitCode> {
  const report = reporter(session, options);
  const unsubscribe = session.subscribe(report);
  // A signal that ends chat names what it cut off, on stderr; with --json a reader also gets a last event, listing the same.
  const unsay = options.sayOnSignal?.((signal, code) => {
    const see = `${options.command ?? "chat"} --thread ${session.threadId}`;
    for (const line of signalLines(session.getSnapshot(), signal, options.local === true, see)) options.stderr(`${line}\n`);
    if (options.json) options.stdout(`${safeJson(doneEvent(session, code, signal))}\n`);
  });
  // Runs already on the thread when it was opened are followed like ours: say which they are.
  for (const m of session.getSnapshot().filter((m) => m.found)) {
    if (options.json)
      options.stdout(`${safeJson({ type: "found", index: m.index + 1, run_id: m.runId, status: m.status, text: m.text })}\n`);
    else options.stderr(`[${m.index + 1}] already on the thread (${m.status}): ${quote(m.text)}\n`);
  }
  // A thread that was already waiting when opened: say so, and answer it first if we can.
  const waitingAtStart = session.getQuestion();
  if (waitingAtStart) report({ type: "question", question: waitingAtStart });

  let timedOut = false;
  const timeout = new Promise<void>((resolve) => {
    if (options.timeoutMs === undefined) return;
    setTimeout(() => {
      timedOut = true;
      resolve();
    }, options.timeoutMs).unref();
  });

  const sending = (async () => {
    let first = true;
    for await (const text of source) {
      if (timedOut) break;
      if (!first && options.gapMs > 0) await sleep(options.gapMs);
      // --fork: the first message forks the thread there.
      const fork = first ? options.fork : undefined;
      first = false;
      if (typeof text === "string") session.send(text, options.strategy, { fork });
      else session.send(text.text, options.strategy, { input: text.input, fork });
    }
    // Nothing to send is fine when the thread has something to show: runs in flight, or a question.
    const following = session.getSnapshot().some((m) => m.found);
    if (first && !waitingAtStart && !following) throw new UsageError("no messages to send (give -m, --script or lines on stdin)");
    await session.whenIdle();
  })();
  try {
    await Promise.race([sending, timeout]);
  } finally {
    unsubscribe();
    unsay?.();
  }
  return finish(session, sending, timedOut, options);
}

/** Says what is left unfinished or unanswered, and turns it all into an exit code. */
function finish(session: Session, sending: Promise<void>, timedOut: boolean, options: ScriptedOptions): ExitCode {
  const messages = session.getSnapshot();
  if (timedOut) {
    sending.catch(() => {}); // still running; its outcome no longer matters
    // What is true of each: a run made keeps going (or is cut off with the local deployment); a message never sent was not.
    const open = messages.filter((m) => !isTerminal(m.status));
    const made = open.filter((m) => m.runId !== undefined).length;
    const fate = options.local
      ? "the local deployment stops with chat, so they are cut off"
      : `they keep going on the server (see them with: ${neutralise(options.command ?? "chat")} --thread ${neutralise(session.threadId)})`;
    const runs = made ? [`${made} run(s) unfinished; ${fate}`] : [];
    const unsent =
      open.length - made ? [`${open.length - made} message(s) not created (rate limited, or a create still landing)`] : [];
    options.stderr(
      `chat: timed out after ${(options.timeoutMs ?? 0) / 1000}s: ${[...runs, ...unsent].join("; ") || "nothing unfinished"}\n`,
    );
    session.close();
  }
  const question = timedOut ? undefined : session.getQuestion();
  const held = messages.filter((m) => m.status === "held").length;
  if (question && held) options.stderr(`chat: ${held} message(s) held back, unsent, while the agent waits for input\n`);
  if (question) {
    const how = question.interrupts.length === 0 ? "--continue" : "--answer <value>";
    const command = `${neutralise(options.command ?? "chat")} --thread ${neutralise(session.threadId)} ${how}`;
    options.stderr(`chat: the agent is waiting for input: ${questionSummary(question)} (answer with: ${command})\n`);
  }
  const code = exitCodeFor(messages, timedOut, question !== undefined);
  if (options.json) options.stdout(`${safeJson(doneEvent(session, code))}\n`);
  return code;
}

function doneEvent(session: Session, code: number, signal?: string): object {
  const unfinished = session
    .getSnapshot()
    .filter((m) => !isTerminal(m.status))
    .map((m) => m.index + 1);
  return { type: "done", thread_id: session.threadId, exit_code: code, ...(signal ? { signal, unfinished } : {}) };
}
