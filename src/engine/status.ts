// Every fact about a message's status, in one place: final or not, refused or not, its words,
// its mark, and what the queue shows for how long. Every face (UI, scripted, demo) reads this.

export const MESSAGE_STATUSES = [
  "held",
  "sending",
  "pending",
  "running",
  "success",
  "error",
  "interrupted",
  "rolled_back",
  "rejected",
  "failed",
  "unknown",
  "waiting",
  "answered",
  "dropped",
  "withdrawn",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** How a status should look, whatever the face: waiting, working, done, stopped by a strategy, or bad. */
export type StatusTone = "waiting" | "working" | "done" | "stopped" | "bad";

interface StatusFacts {
  /** Nothing more will happen to it. */
  readonly terminal: boolean;
  /** Never became a run (refused, or could not be sent): kept in view until dismissed, can be pulled back. */
  readonly refused: boolean;
  /** Kept in the queue until the user acts: dismissed (refusals, dropped questions) or answered. */
  readonly stays: boolean;
  /** In a queue row or a status line. */
  readonly label: string;
  /** As an event on a timeline ("#1 created, pending"); none for the moment before a create. */
  readonly event?: string;
  /** A finished message's mark in place of the spinner. */
  readonly mark?: string;
  readonly tone: StatusTone;
}

export const STATUS: Readonly<Record<MessageStatus, StatusFacts>> = {
  // Kept in the client (the hold option) until no run of ours may still ask.
  held: { terminal: false, refused: false, stays: false, label: "held", event: "held back", tone: "waiting" },
  sending: { terminal: false, refused: false, stays: false, label: "sending", tone: "waiting" },
  pending: { terminal: false, refused: false, stays: false, label: "pending", event: "created, pending", tone: "waiting" },
  running: { terminal: false, refused: false, stays: false, label: "running", event: "running", tone: "working" },
  success: { terminal: true, refused: false, stays: false, label: "success", event: "finished", mark: "✓", tone: "done" },
  error: { terminal: true, refused: false, stays: false, label: "error", event: "ended in error", mark: "✗", tone: "bad" },
  interrupted: {
    terminal: true,
    refused: false,
    stays: false,
    label: "interrupted",
    event: "interrupted",
    mark: "■",
    tone: "stopped",
  },
  rolled_back: {
    terminal: true,
    refused: false,
    stays: false,
    label: "rolled back",
    event: "deleted (rolled back)",
    mark: "↺",
    tone: "stopped",
  },
  rejected: { terminal: true, refused: true, stays: true, label: "rejected", event: "rejected", mark: "✗", tone: "bad" },
  failed: { terminal: true, refused: true, stays: true, label: "failed", event: "failed", mark: "!", tone: "bad" },
  // Contact with the deployment was lost with the run (or its create) in flight: the server may
  // still run it. Never "failed", so it is not sent again blindly; a resend looks for it first.
  unknown: { terminal: true, refused: false, stays: true, label: "unknown", event: "lost contact", mark: "?", tone: "bad" },
  // The run ended at interrupt() or a breakpoint: the thread waits for a person.
  waiting: {
    terminal: true,
    refused: false,
    stays: true,
    label: "waiting for input",
    event: "waiting for input",
    mark: "?",
    tone: "waiting",
  },
  answered: { terminal: true, refused: false, stays: false, label: "answered", event: "answered", mark: "✓", tone: "done" },
  // A later message ran as new input on the waiting thread, and the server dropped the question.
  dropped: {
    terminal: true,
    refused: false,
    stays: true,
    label: "question dropped",
    event: "question dropped",
    mark: "⊘",
    tone: "bad",
  },
  // Taken back by the user before its run started (/unsend, /drop): it never ran.
  withdrawn: {
    terminal: true,
    refused: false,
    stays: false,
    label: "withdrawn",
    event: "taken back",
    mark: "↩",
    tone: "stopped",
  },
};

export const isTerminal = (status: MessageStatus): boolean => STATUS[status].terminal;
/** Sent (or being sent) and not finished: what the server has, or is about to have, as a run. */
export const isInFlight = (status: MessageStatus): boolean =>
  status === "sending" || status === "pending" || status === "running";
export const isRefused = (status: MessageStatus): boolean => STATUS[status].refused;
/**
 * What Ctrl+R and /retry can pull back into the input: a message that never ran, whose run a
 * strategy cut short, or whose fate is unknown (its resend finds the run instead of doubling it).
 */
export const isPullable = (status: MessageStatus): boolean =>
  STATUS[status].refused ||
  status === "interrupted" ||
  status === "rolled_back" ||
  status === "unknown" ||
  status === "withdrawn";
export const statusLabel = (status: MessageStatus): string => STATUS[status].label;
/** What /dismiss clears: what stays in view only to be seen, not what waits for an answer. */
export const isDismissable = (status: MessageStatus): boolean => STATUS[status].stays && status !== "waiting";

/** How long a message that ended normally stays in the queue after it finished. */
export const QUEUE_RECENT_MS = 4000;

interface Queued {
  readonly index: number;
  readonly status: MessageStatus;
  readonly finishedAt?: number;
}

/** Whether the queue shows this message at time `now`: unfinished, recent, or kept and not dismissed. */
export function inQueue(message: Queued, now: number, dismissed: ReadonlySet<number>): boolean {
  if (!isTerminal(message.status)) return true;
  if (STATUS[message.status].stays) return !dismissed.has(message.index);
  return now - (message.finishedAt ?? now) < QUEUE_RECENT_MS;
}

/** Something in the queue still changes with time (a spinner, an elapsed time, a row about to go). */
export function queueMoving(messages: readonly Queued[], now: number): boolean {
  return messages.some((m) => !isTerminal(m.status) || (!STATUS[m.status].stays && now - (m.finishedAt ?? 0) < QUEUE_RECENT_MS));
}

/** What leaving a thread's session would lose sight of: messages in flight, and kept rows not dismissed. */
export function leftBehind(messages: readonly Queued[], dismissed: ReadonlySet<number>): number {
  return messages.filter((m) => !isTerminal(m.status) || (isDismissable(m.status) && !dismissed.has(m.index))).length;
}
