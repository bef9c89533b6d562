// What answering the agent's open question from the input line does: the value to resume with,
// a problem to show, text to put in the input for editing (/edit alone), or, for a review of
// several actions, one more decision taken while the next action waits for its own. Pure.
import type { Question } from "../engine/interrupts.js";
import { answerEach, answerFor, answerWords, reviewDecision, shapeOf, splitDecision } from "../human-in-the-loop/schemas.js";
import type { Command } from "./command-registry.js";
import { NO_QUESTION } from "./command-gate.js";

export type AnswerAction =
  | { readonly answer: unknown; readonly text: string; readonly interruptId?: string }
  | { readonly problem: string }
  | { readonly prefill: string }
  /** A decision for one action of several: kept, and the next action is asked about. */
  | { readonly decided: readonly string[]; readonly next: string };

type AnswerCommand = Extract<Command, { kind: "answer" } | { kind: "continue" }>;

/** The args of the action a known schema asks about now (the `at`-th of a review), to edit in the input. */
function editableArgs(value: unknown, at: number): unknown {
  const shape = shapeOf(value);
  if (shape.kind === "review") return shape.actions[at]?.args;
  if (shape.kind === "inbox") return shape.action.args;
  return undefined;
}

/** Which action of the open review the next decision is for, as words ("action 2 of 3: search"). */
export function reviewStep(question: Question | undefined, decided: readonly string[]): string | undefined {
  const shape = shapeOf(question?.interrupts[0]?.value);
  if (shape.kind !== "review" || shape.actions.length < 2) return undefined;
  const action = shape.actions[decided.length];
  return action && `action ${decided.length + 1} of ${shape.actions.length}: ${action.name} (${action.allowed.join(", ")})`;
}

/** Under the question in the transcript: how to answer it here, or that no answer can go (a queued message runs first). */
export function howToAnswer(question: Question): string {
  if (question.doomedBy !== undefined) return `It cannot be answered: #${question.doomedBy + 1} runs first.`;
  return question.interrupts.length ? "Type your answer and press Enter (/help for more)." : "Press Enter to go on (/continue).";
}

/** A typed line that is no decision word of the question's may have been meant as a message: say how to send it. */
function meantAsMessage(question: Question, command: AnswerCommand): boolean {
  if (command.kind !== "answer" || command.word !== undefined || /^\s*[[{]/.test(command.text)) return false;
  const shape = shapeOf(question.interrupts[(command.which ?? 1) - 1]?.value);
  return shape.kind !== "free" && !answerWords(shape).includes(splitDecision(command.text)[0]);
}

/** What a typed line does with the open question; a line that is no answer word says how to send it instead. */
export function answerAction(
  question: Question | undefined,
  command: AnswerCommand,
  decided: readonly string[] = [],
): AnswerAction {
  if (!question) return { problem: NO_QUESTION };
  const action = decide(question, command, decided);
  if (!("problem" in action) || !meantAsMessage(question, command)) return action;
  return { problem: `${action.problem}; /send <message> sends a new message instead (the question is then dropped)` };
}

/** The answer, problem, text to edit or decision a typed line makes for the open question. */
function decide(question: Question, command: AnswerCommand, decided: readonly string[]): AnswerAction {
  if (question.interrupts.length === 0) return { answer: null, text: "(continue)" };
  if (command.kind === "continue") return { problem: "the agent asked a question: answer it (see /help)" };
  const which = command.which ?? 1;
  const interrupt = question.interrupts[which - 1];
  if (!interrupt)
    return {
      problem: `there ${question.interrupts.length === 1 ? "is 1 open question" : `are ${question.interrupts.length} open questions`}, not #${which}`,
    };
  const at = which === 1 ? decided.length : 0;
  if (command.word === "edit" && command.text.trim() === "") {
    const args = editableArgs(interrupt.value, at);
    if (args === undefined) return { problem: "this question has no action to edit" };
    return { prefill: `/edit ${JSON.stringify(args)}` };
  }
  const typed = command.word ? `${command.word} ${command.text}`.trim() : command.text;
  const id = question.interrupts.length > 1 ? interrupt.id : undefined;
  const shape = shapeOf(interrupt.value);
  if (shape.kind === "review" && shape.actions.length > 1 && which === 1 && !/^\s*[[{]/.test(typed)) {
    const one = reviewDecision(shape, at, typed);
    if ("problem" in one) return { problem: `action ${at + 1} of ${shape.actions.length}: ${one.problem}` };
    const all = [...decided, typed];
    if (all.length < shape.actions.length) return { decided: all, next: reviewStep(question, all) ?? "" };
    const value = answerEach(shape, all);
    if ("problem" in value) return value;
    return { answer: value.value, text: all.join("; "), ...(id ? { interruptId: id } : {}) };
  }
  const decidedValue = answerFor(interrupt.value, typed);
  if ("problem" in decidedValue) return decidedValue;
  return { answer: decidedValue.value, text: typed, ...(id ? { interruptId: id } : {}) };
}
