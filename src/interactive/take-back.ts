// Stopping and taking back from the UI: Esc and /cancel; /unsend, /drop and Alt+↑ (which message,
// the newest that can be taken back when none is named, and what goes back into the input); /rewind.
import type { Session } from "../engine/session.js";
import { errorMessage } from "../errors.js";
import type { OutgoingMessage } from "../engine/types.js";
import { isPullable } from "./queue-rules.js";
import { isTerminal } from "../engine/status.js";
import type { Strategy } from "../strategies.js";
import type { Command } from "./command-registry.js";

export type TakeBack =
  | { readonly refused: string }
  /** Taken back: `input` is its text when it goes back into the input (unsend), with its strategy. */
  | { readonly index: number; readonly input?: { readonly text: string; readonly strategy: Strategy } };

/** The newest message of ours that can still be taken back: held, or created and pending. */
export function newestQueued(session: Session): number | undefined {
  return session
    .getSnapshot()
    .findLast((m) => m.kind === "message" && !m.found && (m.status === "held" || m.status === "pending"))?.index;
}

async function takeBack(session: Session, how: "unsend" | "drop", index = newestQueued(session)): Promise<TakeBack> {
  if (index === undefined) return { refused: "nothing queued to take back (only messages that have not started can be)" };
  const result = await session.withdraw(index, how);
  if ("refused" in result) return result;
  const { text, strategy } = result.withdrawn;
  return how === "unsend" ? { index, input: { text, strategy } } : { index };
}

/** A rewind: the next message forks the thread from the checkpoint before message `index`'s run. */
export type Rewind = { readonly refused: string } | { readonly index: number; readonly fork: string; readonly text: string };

async function rewindTo(session: Session, index: number): Promise<Rewind> {
  const messages = session.getSnapshot();
  const message = messages[index];
  const name = `#${index + 1}`;
  if (!message) return { refused: `there is no ${name}` };
  if (messages.some((m) => !isTerminal(m.status) || m.status === "unknown"))
    return { refused: "runs are still in flight or held: rewind once they end (or /cancel all first)" };
  if (!message.runId || message.status === "withdrawn") return { refused: `${name} never ran: there is nothing to rewind` };
  if (message.kind === "answer")
    return {
      refused: `${name} is an answer: rewind to the message that asked${message.answer?.of === undefined ? "" : ` (#${message.answer.of + 1})`}`,
    };
  const fork = await session.checkpointBefore(message.runId).catch(() => undefined);
  if (fork === null) return { refused: `${name} was the thread's first run: /new starts an empty thread` };
  if (fork === undefined) return { refused: `the thread's history has no run ${name} (on this branch) to rewind to` };
  return { index, fork, text: message.text };
}

/** The message last put back into the input (Ctrl+R, /retry, /unsend, /rewind): sending its text again is its resend. */
export class Recall {
  private last: { readonly index: number; readonly text: string; readonly strategy?: Strategy } | undefined;
  /** Set by /rewind: the next message sent forks there, whatever its text. */
  private fork: { readonly index: number; readonly checkpoint: string } | undefined;

  set = (last: Recall["last"]): void => void (this.last = last);

  /** Another thread: nothing put back, no rewind. */
  clear = (): void => void (this.last = this.fork = undefined);

  /** A rewind is armed: the next line typed is a new message (it forks), never an answer. */
  forking = (): boolean => this.fork !== undefined;

  /**
   * A command as an armed rewind takes it: a typed line is the new message that forks (not an
   * answer to the question the fork undoes), and an explicit answer (or go-on) is refused.
   */
  armedFor(given: Command): Command | { readonly refused: string } {
    if (!this.fork) return given;
    if (given.kind === "send") return { ...given, explicit: true };
    if (given.kind !== "answer" && given.kind !== "continue") return given;
    return { refused: `the next message forks before #${this.fork.index + 1} (/rewind): /rewind off first to answer here` };
  }

  /** The next message forks the thread before message `index`. */
  rewind = (fork: NonNullable<Recall["fork"]>): void => void (this.fork = fork);

  /** /rewind off: the next message goes on the thread as it is; says whether there was a rewind to call off. */
  callOff(): string {
    const had = this.fork;
    this.fork = undefined;
    return had ? `rewind to before #${had.index + 1} called off` : "no rewind to call off";
  }

  /** The newest message that can be pulled back (rejected, failed, stopped, taken back, unknown) and is still shown. */
  pull(messages: readonly OutgoingMessage[], dismissed: ReadonlySet<number>): OutgoingMessage | undefined {
    const last = messages.findLast((m) => m.kind === "message" && isPullable(m.status) && !dismissed.has(m.index));
    this.last = last && { index: last.index, text: last.text };
    return last;
  }

  /** Its own strategy, when `text` is what was taken back. */
  strategyFor = (text: string): Strategy | undefined => (this.last?.text === text ? this.last.strategy : undefined);

  /** Sent now: which message `text` resends, if it is the one put back, and the fork it makes (then both forgotten). */
  sent(text: string): { retryOf?: number; fork?: { readonly index: number; readonly checkpoint: string } } {
    const sent = { retryOf: this.last?.text === text ? this.last.index : undefined, fork: this.fork };
    this.last = this.fork = undefined;
    return sent;
  }
}

/** What putting a message back into the input needs of the UI. */
export interface InputLine {
  session(): Session;
  readonly recall: Recall;
  /** What is typed in the input now; `keep` puts it in ↑ history before `put` replaces it. */
  typed(): string;
  keep(text: string): void;
  put(text: string): void;
  say(text: string, tone?: "notice" | "warning"): void;
  /** A passing word, not history: the line above the input. */
  tell(text: string, tone?: "notice" | "warning"): void;
}

function replaceInput(line: InputLine, text: string): void {
  if (line.typed().trim()) line.keep(line.typed());
  line.put(text);
}

/** /unsend, /drop, Alt+↑: taken back before it runs; unsent, it is put in the input with its strategy. */
export async function takeBackInto(line: InputLine, how: "unsend" | "drop", index?: number): Promise<void> {
  const session = line.session();
  const taken = await takeBack(session, how, index);
  if (line.session() !== session) return; // another thread is in view now
  if ("refused" in taken) return line.say(taken.refused, "warning");
  if (!taken.input) return;
  line.recall.set({ index: taken.index, ...taken.input });
  replaceInput(line, taken.input.text);
}

/** /rewind #n: #n's text in the input; the next message forks the thread from before #n's run. */
export async function rewindInto(line: InputLine, index: number): Promise<void> {
  const session = line.session();
  const rewind = await rewindTo(session, index);
  if (line.session() !== session) return; // another thread is in view now: the rewind was for the one before
  if ("refused" in rewind) return line.say(rewind.refused, "warning");
  line.recall.rewind({ index, checkpoint: rewind.fork });
  replaceInput(line, rewind.text);
  line.say(`rewound to before #${index + 1}: the next message replaces it and all after it (/rewind off: not)`);
}

/** Esc, /cancel, /cancel all: the server is asked to stop runs; one line says how many, or why not. */
export function cancelInto(line: InputLine, scope: "running" | "all"): Promise<void> {
  return line
    .session()
    .cancel(scope)
    .then(
      (n) => line.tell(n ? `asked the server to stop ${n} run(s)` : "no run to cancel"),
      (err: unknown) => line.say(`cancel failed: ${errorMessage(err)}`, "warning"),
    );
}
