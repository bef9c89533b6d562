// A message's life, written down: the named events that move it and the statuses each may move it
// from, as one table. `transition(message, event)` is pure; an event the table does not allow from
// the message's status is a bug (IllegalTransition), never a silent overwrite.
import type { Strategy } from "../strategies.js";
import type { OpenInterrupt, Question } from "./interrupts.js";
import type { MessageDict } from "./message.js";
import { MESSAGE_STATUSES, isTerminal, type MessageStatus } from "./status.js";
import type { OutgoingMessage } from "./types.js";
import type { Usage } from "./usage.js";

/** Who stopped a run: a later message of ours (with its strategy), the user's cancel, or someone else. */
export type StopCause =
  | { readonly kind: "message"; readonly by: number; readonly strategy: Strategy }
  | { readonly kind: "cancel" }
  /** Another client's run, or the server: the cause is not known here. */
  | { readonly kind: "other" };

/** What happened to a message. `by` names the message (its index) that caused it, where one did. */
export type LifecycleEvent =
  /** Kept in the client (hold) until no run of ours may still ask. */
  | { readonly type: "held" }
  /** Handed to the engine to be created as a run. */
  | { readonly type: "sent" }
  /** A run already on the thread (sent earlier, or by another client), followed like ours. */
  | { readonly type: "adopted"; readonly status: "pending" | "running" }
  /** A held message goes out. */
  | { readonly type: "released" }
  /** The server made its run; `detail`: a note from the create (a late create made a second run). */
  | { readonly type: "created"; readonly runId: string; readonly detail?: string }
  /** The server refused it (409/422): the strategy said no. */
  | { readonly type: "rejected"; readonly httpStatus?: number; readonly detail: string }
  /** Known not to have run as sent: never sent, refused to be followed, gone, or its output unreadable. */
  | { readonly type: "failed"; readonly httpStatus?: number; readonly detail: string; readonly serverStatus?: string }
  /** Contact lost with it in flight: the server may still run it. */
  | { readonly type: "lost"; readonly httpStatus?: number; readonly detail: string }
  /** Contact is back after it was lost: followed again from the start of its stream. */
  | { readonly type: "refollowed"; readonly detail: string }
  /** Its run's first event arrived: the server is running it. */
  | { readonly type: "started" }
  | {
      readonly type: "finished";
      readonly status: "success" | "error";
      readonly serverStatus: string;
      readonly detail?: string;
      readonly usage?: Usage;
    }
  /** Stopped before its end and kept (interrupt, a cancel, a rollback the JS server did not delete). */
  | {
      readonly type: "stopped";
      readonly cause: StopCause;
      readonly serverStatus?: string;
      readonly detail: string;
      readonly usage?: Usage;
      /**
       * The messages its run left in the thread, as far as its checkpoints went: a face that
       * showed the run streaming can tell what of it the server did not keep.
       */
      readonly kept?: readonly MessageDict[];
    }
  /** Deleted by a later message of ours sent with rollback. */
  | { readonly type: "deleted"; readonly cause: Extract<StopCause, { kind: "message" }>; readonly detail: string }
  /** Its run ended at interrupt() or a breakpoint: the thread waits for a person. */
  | {
      readonly type: "asked";
      readonly interrupts: readonly OpenInterrupt[];
      readonly pausedBefore?: Question["pausedBefore"];
      readonly serverStatus?: string;
      readonly usage?: Usage;
    }
  | { readonly type: "answered"; readonly by: number }
  /** A later message ran as new input on the waiting thread: the server dropped the question. */
  | { readonly type: "dropped"; readonly by: number; readonly detail: string }
  /** Taken back by the user before it ran (`unsend`: into the input to edit; `drop`: gone). */
  | { readonly type: "withdrawn"; readonly how: "unsend" | "drop" };

export type LifecycleEventType = LifecycleEvent["type"];

/** The events that make a message (there is no message before them). */
export type BirthEvent = Extract<LifecycleEvent, { type: "held" | "sent" | "adopted" }>;
type MoveEvent = Exclude<LifecycleEvent, BirthEvent>;

type EventOf<T extends LifecycleEventType> = Extract<LifecycleEvent, { type: T }>;

interface Rule<T extends LifecycleEventType> {
  readonly from: readonly MessageStatus[];
  readonly to: (event: EventOf<T>) => MessageStatus;
}

const IN_FLIGHT: readonly MessageStatus[] = ["pending", "running"];

/** The table: for each event, the statuses it may come in and the status it leaves. */
export const TRANSITIONS: { readonly [T in LifecycleEventType]: Rule<T> } = {
  held: { from: [], to: () => "held" },
  sent: { from: [], to: () => "sending" },
  adopted: { from: [], to: (e) => e.status },
  released: { from: ["held"], to: () => "sending" },
  created: { from: ["sending"], to: () => "pending" },
  rejected: { from: ["sending"], to: () => "rejected" },
  failed: { from: ["sending", ...IN_FLIGHT], to: () => "failed" },
  lost: { from: ["sending", ...IN_FLIGHT], to: () => "unknown" },
  refollowed: { from: ["unknown"], to: () => "running" },
  started: { from: ["pending"], to: () => "running" },
  finished: { from: IN_FLIGHT, to: (e) => e.status },
  stopped: { from: IN_FLIGHT, to: () => "interrupted" },
  deleted: { from: IN_FLIGHT, to: () => "rolled_back" },
  asked: { from: IN_FLIGHT, to: () => "waiting" },
  answered: { from: ["waiting"], to: () => "answered" },
  dropped: { from: ["waiting"], to: () => "dropped" },
  withdrawn: { from: ["held", "pending"], to: () => "withdrawn" },
};

/** Statuses no event leaves: the message's story is over. (`unknown` and `waiting` may still move.) */
export const FINAL: ReadonlySet<MessageStatus> = new Set(
  MESSAGE_STATUSES.filter(
    (status) => !Object.values(TRANSITIONS).some((rule) => (rule.from as readonly MessageStatus[]).includes(status)),
  ),
);

export class IllegalTransition extends Error {
  constructor(
    readonly index: number,
    readonly from: MessageStatus,
    readonly event: LifecycleEvent,
  ) {
    super(`#${index + 1}: "${event.type}" is not allowed from "${from}"`);
    this.name = "IllegalTransition";
  }
}

/** Whether `event` may move a message that is `status` now. */
export function allows(status: MessageStatus, event: MoveEvent): boolean {
  return (TRANSITIONS[event.type].from as readonly MessageStatus[]).includes(status);
}

/** A new message, as its first event makes it. */
export function born(
  fields: Omit<OutgoingMessage, "status" | "sentAt"> & { readonly sentAt?: number },
  event: BirthEvent,
  now = Date.now(),
): OutgoingMessage {
  const status = (TRANSITIONS[event.type] as Rule<BirthEvent["type"]>).to(event);
  return { ...fields, status, sentAt: fields.sentAt ?? now };
}

/** The message after `event`; throws IllegalTransition when the table does not allow it. */
export function transition(message: OutgoingMessage, event: LifecycleEvent, now = Date.now()): OutgoingMessage {
  if (event.type === "held" || event.type === "sent" || event.type === "adopted" || !allows(message.status, event))
    throw new IllegalTransition(message.index, message.status, event);
  const status = (TRANSITIONS[event.type] as Rule<MoveEvent["type"]>).to(event);
  // Settled (final, or unknown/waiting) it gets its finishing time; moving on again it loses it.
  const finishedAt = !isTerminal(status) ? undefined : (message.finishedAt ?? now);
  return { ...message, ...fieldsOf(event, now, message.status), status, finishedAt };
}

/** What an event records on the message besides its status (`from`: the status it had). */
function fieldsOf(event: MoveEvent, now: number, from: MessageStatus): Partial<OutgoingMessage> {
  switch (event.type) {
    case "released":
    case "started":
      return {};
    case "created":
      return { runId: event.runId, createdAt: now, ...(event.detail ? { detail: event.detail } : {}) };
    case "rejected":
    case "failed":
    case "lost":
    case "refollowed": {
      const { type: _type, ...rest } = event;
      return rest;
    }
    case "finished":
      return {
        outcome: event.status,
        serverStatus: event.serverStatus,
        ...(event.detail ? { detail: event.detail } : {}),
        ...(event.usage ? { usage: event.usage } : {}),
      };
    case "stopped":
      return {
        outcome: "interrupted",
        detail: event.detail,
        // A run stopped while pending had sent no event: it never ran.
        stop: { cause: event.cause, started: from !== "pending" },
        ...(event.cause.kind === "message" ? { by: event.cause.by } : {}),
        ...(event.serverStatus ? { serverStatus: event.serverStatus } : {}),
        ...(event.usage ? { usage: event.usage } : {}),
      };
    case "deleted":
      return { outcome: "rolled_back", by: event.cause.by, detail: event.detail };
    case "asked":
      return {
        outcome: "success",
        question: "waiting",
        interrupts: event.interrupts,
        pausedBefore: event.pausedBefore,
        ...(event.serverStatus ? { serverStatus: event.serverStatus } : {}),
        ...(event.usage ? { usage: event.usage } : {}),
      };
    case "answered":
      return { question: "answered", by: event.by, detail: `answered by #${event.by + 1}` };
    case "dropped":
      return { question: "dropped", by: event.by, detail: event.detail };
    case "withdrawn":
      return { withdrawn: event.how, detail: event.how === "unsend" ? "taken back into the input" : "dropped by the user" };
  }
}
