// The message lifecycle and the events the engine emits; both faces read only these.
import type { Strategy } from "../strategies.js";
import type { MessageStatus } from "./status.js";
import type { MessageDict } from "./message.js";
import type { OpenInterrupt, Question } from "./interrupts.js";
import type { EngineClient } from "./sdk.js";
import type { ShapeSource } from "./input-shape.js";
import type { Usage } from "./usage.js";
import type { LifecycleEvent, StopCause } from "./lifecycle.js";

/** One message the user sent, and what became of its run. */
export interface OutgoingMessage {
  readonly index: number;
  /** Ours, stored in the run's metadata so a retried create can find the run it made. */
  readonly clientId: string;
  /** The id the human message gets in the thread: marks where this run's messages begin. */
  readonly messageId: string;
  /** What the user typed, or the answer as text. */
  readonly text: string;
  /** The run's input when the graph's is not messages (see input-shape.ts); else a human message of `text`. */
  readonly input?: Record<string, unknown>;
  /** A new message (human input), or an answer to the thread's open question. */
  readonly kind: "message" | "answer";
  /** For an answer: the value sent, the run payload it makes, and which message asked (if ours). */
  readonly answer?: { readonly value: unknown; readonly payload: Record<string, unknown>; readonly of?: number };
  readonly strategy: Strategy;
  readonly status: MessageStatus;
  readonly runId?: string;
  /** Why it ended this way, in words: the server's refusal, an error, "rollback requested". */
  readonly detail?: string;
  /** When its create got its answer (the run was made): contact was there then. */
  readonly createdAt?: number;
  /** The run's final status as the server gave it ("error" for a run we call interrupted, say). */
  readonly serverStatus?: string;
  /** The HTTP status of a refusal or failure, when there was one. */
  readonly httpStatus?: number;
  readonly sentAt: number;
  readonly finishedAt?: number;
  /** The message that answered this one's question, or dropped it by running as new input. */
  readonly by?: number;
  /** The questions its run stopped to ask (empty at a static breakpoint). */
  readonly interrupts?: readonly OpenInterrupt[];
  readonly pausedBefore?: Question["pausedBefore"];
  /** Already pending or running on the thread when chat opened it (sent earlier, or by another client). */
  readonly found?: boolean;
  /** A resend of this earlier message: same client id, so a run it did make is found, not doubled. */
  readonly retryOf?: number;
  /**
   * How its run itself ended, kept apart from the question it asked: a run that stopped at
   * interrupt() ended `success`, whatever then became of its question (`question`).
   */
  readonly outcome?: "success" | "error" | "interrupted" | "rolled_back";
  /** A run stopped before its end (status `interrupted`): who stopped it, and whether it had started (stopped while pending, it never ran). */
  readonly stop?: { readonly cause: StopCause; readonly started: boolean };
  /** Its run forks the thread from this checkpoint (a rewind): it replaces the run after it and all that followed. */
  readonly fork?: string;
  /** Taken back before it ran: into the input to be edited (`unsend`), or dropped. */
  readonly withdrawn?: "unsend" | "drop";
  /** Its run stopped to ask: the question is waiting, answered, or dropped by a later message. */
  readonly question?: "waiting" | "answered" | "dropped";
  /** The tokens its run's AI messages report (usage_metadata), once its output is read; none reported: absent. */
  readonly usage?: Usage;
}

/** How the engine's last contact with the deployment went. */
export type ConnectionState = "connected" | "reconnecting" | "offline";

export type SessionEvent =
  /**
   * A message moved (see lifecycle.ts): `from` its status before (null: it is new), by `cause`,
   * the named event that moved it (which names the message that caused it, where one did).
   */
  | {
      readonly type: "status";
      readonly message: OutgoingMessage;
      readonly from: MessageStatus | null;
      readonly cause: LifecycleEvent;
    }
  /** `byOthers`: written before message `index`'s run by runs not followed here (another client's). */
  | { readonly type: "messages"; readonly index: number; readonly messages: readonly MessageDict[]; readonly byOthers?: boolean }
  /** The state a run left, for a graph whose state has no `messages` list. */
  | { readonly type: "values"; readonly index: number; readonly values: Readonly<Record<string, unknown>> }
  /** `namespace`: the subgraph (a subagent's, say) it streams from; absent for the graph itself. */
  | {
      readonly type: "stream";
      readonly index: number;
      readonly event: string;
      readonly data: unknown;
      readonly namespace?: readonly string[];
    }
  | { readonly type: "connection"; readonly state: ConnectionState }
  /** Something about message `index`'s run a person should know, that is not its status (rate limited, an unreadable event). */
  | { readonly type: "notice"; readonly index: number; readonly text: string }
  /** The thread's open question changed: asked, answered, or dropped by message `droppedBy`. */
  | {
      readonly type: "question";
      readonly question: Question | undefined;
      readonly dropped?: Question;
      readonly droppedBy?: number;
    };

export type SessionListener = (event: SessionEvent) => void;

export interface SessionOptions {
  client: EngineClient;
  /** Used for runs.create only; must not retry on its own (we retry idempotently). */
  createClient?: EngineClient;
  assistantId: string;
  threadId: string;
  /** Attempts and pause for a create that got no answer or a 5xx. */
  createAttempts?: number;
  retryDelayMs?: number;
  /** What a typed line becomes as input (default: a human message). */
  inputShape?: ShapeSource;
  /** Sent with every run (answers too): the run's `config.configurable` and `context`. */
  runOptions?: { readonly configurable?: Record<string, unknown>; readonly context?: Record<string, unknown> };
  /** How often the thread's runs are read for other clients' runs while ours are in flight (default 2 s). */
  watchMs?: number;
  /** How long following a run keeps reconnecting to a deployment that stopped answering (default 60 s). */
  reconnectMs?: number;
  /** How long a create keeps waiting out 429 answers (see create.ts). */
  rateLimitMs?: number;
  /** How long a create that got no answer may take to land, before creating again is safe (see create.ts). */
  landMs?: number;
  /** Hold new messages in the client while a run of ours may still ask (see setHold). */
  hold?: boolean;
  /**
   * Also stream each step's checkpoint, whose last says the graph is done, so the run's end is
   * asked for at once (see follow.ts). Each carries the whole state, and the JS server keeps every
   * event of a resumable run in memory for as long as it is up: so only over loopback, and while
   * the thread is short (under 50 messages); past that a run's end waits for the quiet period.
   */
  checkpoints?: boolean;
}
