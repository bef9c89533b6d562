// The prompt's look, without Ink: its cursor and placeholder, for the Input component and for the
// first frame (drawn before Ink is loaded).
import type { Question } from "../engine/interrupts.js";

/** What an empty line says it is for: a message, or the answer the agent waits for. */
export function placeholder(strategy: string, question: Question | undefined, step: string | undefined): string {
  if (!question) return ` message (${strategy}) · /help`;
  if (question.interrupts.length === 0) return " Enter to go on · /send a new message instead";
  return step ? ` ${step} · /help` : " your answer · /help";
}

// Styles written out, not asked of Ink: chalk (inside Ink) drops every style under NO_COLOR, but
// inverse video and faint italics are no colour, and without them the cursor and the hint vanish.
/** The cursor: the cell it is on, in inverse video. */
export const inverse = (cell: string) => `\x1b[7m${cell}\x1b[27m`;
/** The placeholder: faint and italic, so it never reads as typed text. */
export const hint = (text: string) => `\x1b[2;3m${text}\x1b[22;23m`;

export const promptOf = (question: Question | undefined) => (question ? "answer › " : "› ");
