// How each message status looks, whatever the face (Ink, scripted, demo): its words in a queue row
// or a status line, its words as an event on a timeline, its mark in place of a spinner, its tone;
// and the one word every face uses for how a message ended (a run stopped early has four).
import type { MessageStatus } from "../engine/status.js";
import type { OutgoingMessage } from "../engine/types.js";

/** How a status should look, whatever the face: waiting, working, done, stopped by a strategy, or bad. */
export type StatusTone = "waiting" | "working" | "done" | "stopped" | "bad";

export interface StatusLook {
  /** In a queue row or a status line. */
  readonly label: string;
  /** As an event on a timeline ("#1 created, pending"); none for the moment before a create. */
  readonly event?: string;
  /** A finished message's mark in place of the spinner. */
  readonly mark?: string;
  readonly tone: StatusTone;
}

export const STATUS_LOOKS: Readonly<Record<MessageStatus, StatusLook>> = {
  held: { label: "held", event: "held back", tone: "waiting" },
  sending: { label: "sending", tone: "waiting" },
  pending: { label: "pending", event: "created, pending", tone: "waiting" },
  running: { label: "running", event: "running", tone: "working" },
  success: { label: "success", event: "finished", mark: "✓", tone: "done" },
  error: { label: "error", event: "ended in error", mark: "✗", tone: "bad" },
  interrupted: { label: "interrupted", event: "interrupted", mark: "■", tone: "stopped" },
  rolled_back: { label: "rolled back", event: "deleted (rolled back)", mark: "↺", tone: "stopped" },
  rejected: { label: "rejected", event: "rejected", mark: "✗", tone: "bad" },
  failed: { label: "failed", event: "failed", mark: "!", tone: "bad" },
  unknown: { label: "unknown", event: "lost contact", mark: "?", tone: "bad" },
  waiting: { label: "waiting for input", event: "waiting for input", mark: "?", tone: "waiting" },
  answered: { label: "answered", event: "answered", mark: "✓", tone: "done" },
  dropped: { label: "question dropped", event: "question dropped", mark: "⊘", tone: "bad" },
  // Taken back by the user before its run started (/unsend, /drop): it never ran.
  withdrawn: { label: "taken back", event: "taken back", mark: "↩", tone: "stopped" },
};

export const statusLabel = (status: MessageStatus): string => STATUS_LOOKS[status].label;

/**
 * The word for how a message stands, the same in the queue, the transcript, stderr and the demo.
 * A run stopped early (status `interrupted`) is `interrupted` by a later message's interrupt,
 * `cancelled` by the user (Esc, /cancel), `stopped` by a rollback the server carried out as a
 * stop or by someone else, and `never ran` when it was stopped before it started.
 */
export function outcomeLabel(m: Pick<OutgoingMessage, "status" | "stop">): string {
  if (m.status !== "interrupted" || !m.stop) return statusLabel(m.status);
  if (!m.stop.started) return "never ran";
  const { cause } = m.stop;
  if (cause.kind === "cancel") return "cancelled";
  return cause.kind === "message" && cause.strategy === "interrupt" ? "interrupted" : "stopped";
}

/** The same word as an event on a timeline ("#1 cancelled", "#1 deleted (rolled back)"). */
export function outcomeEvent(m: Pick<OutgoingMessage, "status" | "stop">): string | undefined {
  return m.status === "interrupted" ? outcomeLabel(m) : STATUS_LOOKS[m.status].event;
}

/**
 * How it ended, in a line: its word, then why ("interrupted by #6 (interrupt)", "cancelled",
 * "never ran: interrupted by #3 (interrupt)", "stopped: rollback requested by #2: …").
 */
export function outcomeWords(m: Pick<OutgoingMessage, "status" | "stop" | "detail">): string {
  const word = outcomeLabel(m);
  const why = m.detail ?? "";
  if (why === "" || why === word) return word;
  return why.startsWith(`${word} `) ? why : `${word}: ${why}`;
}
