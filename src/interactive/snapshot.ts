// The interactive UI's state as the view reads it, and what the controller is built from.
import type { Session } from "../engine/session.js";
import type { ConnectionState, OutgoingMessage } from "../engine/types.js";
import type { Question } from "../engine/interrupts.js";
import { forkedTokens, openedTokens, type Tokens } from "./tokens.js";
import type { Strategy } from "../strategies.js";
import type { Theme } from "../pretty-print/pretty.js";
import { EMPTY, type EditState } from "./editing.js";
import type { InputHistory } from "./input-history.js";
import { NO_LIVE, type LiveState } from "./live.js";
import type { Transcript, TranscriptItem } from "./transcript.js";
import type { RecentThreads } from "./thread-list.js";

export type { TranscriptItem };

export interface ExitInfo {
  readonly threadId: string;
  readonly unfinished: number;
}

export interface ChatSnapshot {
  readonly threadId: string;
  /** The assistant the thread in view runs (a thread opened with /thread runs its own). */
  readonly assistant: string;
  /** The session's messages: the queue is drawn from these. */
  readonly messages: readonly OutgoingMessage[];
  readonly strategy: Strategy;
  readonly input: EditState;
  /** Printed once, in order, above the live region. A new array on change, never mutated. */
  readonly items: TranscriptItem[];
  readonly dismissed: ReadonlySet<number>;
  readonly live: LiveState;
  readonly connection: ConnectionState;
  /** What the agent waits for; while it is open, Enter answers it. */
  readonly question: Question | undefined;
  /** For a review of several actions: the decisions typed so far, one per action, in order. */
  readonly decisions: readonly string[];
  /** The tokens the thread's AI messages report, those it had when opened and every one since on its branch. */
  readonly tokens: Tokens;
  /** New messages wait in chat while a run may still ask (the hold option). */
  readonly hold: boolean;
  /** The deployment's recent thread ids, as last read: the status bar tells the one in view apart among them. */
  readonly knownThreads: readonly string[];
  /**
   * A passing word that is not history (a strategy's sentence, hold on or off, how many runs a
   * cancel stopped): one line above the input, replaced by the next, gone at the next Enter.
   */
  readonly notice?: Notice;
  /** Set when the user leaves; the view then ends. */
  readonly exit?: ExitInfo;
}

export interface Notice {
  readonly text: string;
  readonly tone: "notice" | "warning";
}

export interface ControllerOptions {
  session: Session;
  /** A thread by id (it runs its own assistant), or a new one for `assistant`. */
  openSession(threadId?: string, assistant?: string): Promise<Session>;
  strategy: Strategy;
  /** The hold option at start; the session was opened with the same. */
  hold?: boolean;
  history: InputHistory;
  theme(width: number): Theme;
  columns?: number;
  /** /export: writes a thread, read from the server, to a file and says where; throws one line when it cannot. */
  exportThread?(threadId: string, file: string, replace: boolean): Promise<string>;
  /** The deployment's recent threads (/threads); without it they are not listed. */
  recentThreads?: RecentThreads;
}

/** What a session's thread, just opened, makes of the state (on start, and on a switch of threads). */
export function threadPatch(session: Session) {
  return {
    threadId: session.threadId,
    assistant: session.assistantId,
    messages: session.getSnapshot(),
    dismissed: new Set<number>(),
    live: NO_LIVE,
    connection: session.getConnection(),
    tokens: openedTokens(session.initialMessages),
  } satisfies Partial<ChatSnapshot>;
}

/** The state before anything happened: the session's thread as opened, an empty input. */
export function firstSnapshot(session: Session, options: ControllerOptions, items: TranscriptItem[]): ChatSnapshot {
  const start = { strategy: options.strategy, input: EMPTY, items, question: undefined, decisions: [] };
  return { ...threadPatch(session), ...start, hold: options.hold ?? false, knownThreads: [] };
}

/** The next message forks before message `index`: said in the transcript; its run and later ones leave the branch, their tokens too. */
export const forkedPatch = (state: ChatSnapshot, index: number, transcript: Transcript) =>
  ({
    items: [...state.items, transcript.note(`── rewound to before #${index + 1} ──`)],
    tokens: forkedTokens(state.tokens, index),
  }) satisfies Partial<ChatSnapshot>;
