// How each message status looks, whatever the face (Ink, scripted, demo): its words in a queue row
// or a status line, its words as an event on a timeline, its mark in place of a spinner, its tone.
import type { MessageStatus } from "../engine/status.js";

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
  withdrawn: { label: "withdrawn", event: "taken back", mark: "↩", tone: "stopped" },
};

export const statusLabel = (status: MessageStatus): string => STATUS_LOOKS[status].label;
