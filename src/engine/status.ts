// The engine's facts about a message status: the list, which are settled, which are refusals, which
// are in flight. How each status looks is the faces' (faces/status-looks.ts), and how long the
// queue shows it is the Ink face's (interactive/queue-rules.ts).

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

interface StatusFacts {
  /** Settled, with a finishing time (`unknown` and `waiting` may still move on; lifecycle.ts's FINAL never do). */
  readonly terminal: boolean;
  /** Never became a run: refused by the server, or could not be sent. */
  readonly refused: boolean;
}

const FACTS: Readonly<Record<MessageStatus, StatusFacts>> = {
  // Kept in the client (the hold option) until no run of ours may still ask.
  held: { terminal: false, refused: false },
  sending: { terminal: false, refused: false },
  pending: { terminal: false, refused: false },
  running: { terminal: false, refused: false },
  success: { terminal: true, refused: false },
  error: { terminal: true, refused: false },
  interrupted: { terminal: true, refused: false },
  rolled_back: { terminal: true, refused: false },
  rejected: { terminal: true, refused: true },
  failed: { terminal: true, refused: true },
  // Contact with the deployment was lost with the run (or its create) in flight: the server may
  // still run it. Never "failed", so it is not sent again blindly; a resend looks for it first.
  unknown: { terminal: true, refused: false },
  // The run ended at interrupt() or a breakpoint: the thread waits for a person.
  waiting: { terminal: true, refused: false },
  answered: { terminal: true, refused: false },
  // A later message ran as new input on the waiting thread, and the server dropped the question.
  dropped: { terminal: true, refused: false },
  // Taken back by the user before its run started (/unsend, /drop): it never ran.
  withdrawn: { terminal: true, refused: false },
};

export const isTerminal = (status: MessageStatus): boolean => FACTS[status].terminal;
/** Sent (or being sent) and not finished: what the server has, or is about to have, as a run. */
export const isInFlight = (status: MessageStatus): boolean =>
  status === "sending" || status === "pending" || status === "running";
export const isRefused = (status: MessageStatus): boolean => FACTS[status].refused;
