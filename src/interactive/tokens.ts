// The thread's token total for the status bar: what its messages held when it was opened, plus what
// each run since wrote, by the message that started it; a rewind forks away from the runs from its
// message on, and their tokens go with them. Pure.
import type { MessageDict } from "../engine/message.js";
import { addUsage, usageOf, type Usage } from "../engine/usage.js";

export interface Tokens {
  readonly opened: Usage | undefined;
  /** By message index: the messages its runs wrote on the branch in view (another client's, before it, too). */
  readonly byMessage: ReadonlyMap<number, Usage>;
}

export const openedTokens = (messages: readonly MessageDict[]): Tokens => ({ opened: usageOf(messages), byMessage: new Map() });

/** Message `index`'s run wrote `messages`. */
export function ranTokens(tokens: Tokens, index: number, messages: readonly MessageDict[]): Tokens {
  const usage = addUsage(tokens.byMessage.get(index), usageOf(messages));
  return usage ? { ...tokens, byMessage: new Map(tokens.byMessage).set(index, usage) } : tokens;
}

/** The next message forks before message `index`: its run and every later one are off the branch. */
export function forkedTokens(tokens: Tokens, index: number): Tokens {
  return { ...tokens, byMessage: new Map([...tokens.byMessage].filter(([i]) => i < index)) };
}

export function tokenTotal(tokens: Tokens): Usage | undefined {
  return [...tokens.byMessage.values()].reduce<Usage | undefined>(addUsage, tokens.opened);
}
