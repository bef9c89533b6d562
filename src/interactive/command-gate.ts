// When a command may go now, and what carries it out: the registry's availability against the
// situation (a question open, a thread), and one handler per kind of command.
import { ANYTIME, COMMANDS, MESSAGE, type Availability, type Command } from "./command-registry.js";

export type { Command };

/** Said when Enter would send a message that drops the open question (Enter again sends it). */
export const DROPS_QUESTION =
  "the agent is waiting for an answer: a new message drops its question. Enter again to send it anyway";
export const NO_QUESTION = "nothing to answer: the agent is not waiting for input";
export const NO_THREAD = "no thread is open: /new starts one, /thread <n|id> opens one";

/** When `command` may go: its entry's availability (a hint always may; a line that is no command is a MESSAGE). */
export function availabilityOf(command: Command): Availability {
  if (command.kind === "send" && !command.explicit) return MESSAGE;
  return COMMANDS.find((entry) => entry.kind === command.kind)?.when ?? ANYTIME;
}

/** What is so when a command is given. */
export interface Situation {
  readonly question: boolean;
  readonly thread: boolean;
  /** This text was refused once already for dropping the question: now it goes. */
  readonly confirmed: boolean;
}

/** It goes; it goes as the open question's answer; or it is refused, saying why (`asked`: the same text again goes). */
export type Verdict = "go" | "answer" | { readonly refused: string; readonly asked?: true };

export function verdict(when: Availability, now: Situation): Verdict {
  if (!when.noThread && !now.thread) return { refused: NO_THREAD };
  if (!now.question) return when.question === "only" ? { refused: NO_QUESTION } : "go";
  if (when.question === "answers") return "answer";
  if (when.question === "asks" && !now.confirmed) return { refused: DROPS_QUESTION, asked: true };
  return "go";
}

/** What carries out each kind of command: one handler per kind, or the controller does not compile. */
export type CommandHandlers = {
  readonly [K in Command["kind"]]: (command: Extract<Command, { kind: K }>, when: Availability) => void;
};

export function dispatch(handlers: CommandHandlers, command: Command, when: Availability): void {
  // TypeScript cannot tie handlers[command.kind] to this command's own type; CommandHandlers does.
  (handlers[command.kind] as (command: Command, when: Availability) => void)(command, when);
}
