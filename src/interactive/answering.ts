// What answering the agent's open question from the input line does: the value to resume with,
// a problem to show, or text to put in the input for editing (/edit alone). Pure.
import type { Question } from "../engine/interrupts.js";
import { answerFor, shapeOf } from "../human-in-the-loop/schemas.js";
import type { Command } from "./commands.js";

export type AnswerAction =
  | { readonly answer: unknown; readonly text: string; readonly interruptId?: string }
  | { readonly problem: string }
  | { readonly prefill: string };

type AnswerCommand = Extract<Command, { kind: "answer" } | { kind: "continue" }>;

/** The args of the first action a known schema asks about, to edit in the input. */
function editableArgs(value: unknown): unknown {
  const shape = shapeOf(value);
  if (shape.kind === "review") return shape.actions[0]?.args;
  if (shape.kind === "inbox") return shape.action.args;
  return undefined;
}

export function answerAction(question: Question | undefined, command: AnswerCommand): AnswerAction {
  if (!question) return { problem: "nothing to answer: the agent is not waiting for input" };
  if (question.interrupts.length === 0) return { answer: null, text: "(continue)" };
  if (command.kind === "continue") return { problem: "the agent asked a question: answer it (see /help)" };
  const which = command.which ?? 1;
  const interrupt = question.interrupts[which - 1];
  if (!interrupt)
    return {
      problem: `there ${question.interrupts.length === 1 ? "is 1 open question" : `are ${question.interrupts.length} open questions`}, not #${which}`,
    };
  if (command.word === "edit" && command.text.trim() === "") {
    const args = editableArgs(interrupt.value);
    if (args === undefined) return { problem: "this question has no action to edit" };
    return { prefill: `/edit ${JSON.stringify(args)}` };
  }
  const typed = command.word ? `${command.word} ${command.text}`.trim() : command.text;
  const decided = answerFor(interrupt.value, typed);
  if ("problem" in decided) return decided;
  const id = question.interrupts.length > 1 ? interrupt.id : undefined;
  return { answer: decided.value, text: typed, ...(id ? { interruptId: id } : {}) };
}
