// The thread's open question, if any: asked by one of our runs (seen in its stream), or found
// when the thread was opened. Says when it is answered, and when a new message dropped it.
import { interruptsOfUpdate, questionOfState, type OpenInterrupt, type Question } from "./interrupts.js";
import type { OutgoingMessage, SessionEvent } from "./types.js";

interface Host {
  get(index: number): OutgoingMessage;
  update(index: number, patch: Partial<OutgoingMessage>): void;
  emit(event: SessionEvent): void;
  /** The first later new message of ours already sent or on its way, if any. */
  laterInFlight(index: number): number | undefined;
  /** The thread's state with subgraphs, to name the node a breakpoint paused before. */
  readState(): Promise<{ next?: unknown; tasks?: unknown }>;
}

export class Questions {
  private open: Question | undefined;
  /** What each run's stream said it stopped for (`__interrupt__`), by message index. */
  private readonly asked = new Map<number, readonly OpenInterrupt[]>();

  constructor(private readonly host: Host) {}

  current(): Question | undefined {
    return this.open;
  }

  /** The thread was already waiting when the session opened it. */
  found(question: Question): void {
    this.set(question);
  }

  noteUpdate(index: number, data: unknown): void {
    const interrupts = interruptsOfUpdate(data);
    if (interrupts) this.asked.set(index, interrupts);
  }

  /** Run `index`'s stream said it stopped to wait for a person. */
  wasAsked(index: number): boolean {
    return this.asked.has(index);
  }

  /** Run `index` ended having stopped to ask: it is waiting now. */
  async ended(index: number): Promise<void> {
    const interrupts = this.asked.get(index);
    if (!interrupts) return;
    // A breakpoint has no value: the state says where it paused (best effort, it is only words).
    const where = interrupts.length ? {} : await this.host.readState().then(questionOfState, () => ({}));
    const doomedBy = this.host.laterInFlight(index);
    const question: Question = { ...where, interrupts, index, ...(doomedBy !== undefined ? { doomedBy } : {}) };
    this.host.update(index, { status: "waiting", interrupts, pausedBefore: question.pausedBefore });
    this.set(question);
  }

  /** A new message's run started on the thread: the server drops an open question for it. */
  started(index: number): void {
    const open = this.open;
    if (!open || this.host.get(index).kind === "answer") return;
    if (open.index !== undefined && open.index < index) {
      this.host.update(open.index, {
        status: "dropped",
        by: index,
        detail: `#${index + 1} ran as a new message, so the server dropped the question`,
      });
    }
    this.set(undefined, index);
  }

  /** The answer's run was made: the question is closed. */
  answered(index: number): void {
    const open = this.open;
    if (open?.index !== undefined)
      this.host.update(open.index, { status: "answered", by: index, detail: `answered by #${index + 1}` });
    this.set(undefined);
  }

  private set(question: Question | undefined, droppedBy?: number): void {
    const before = this.open;
    this.open = question;
    this.host.emit({ type: "question", question, ...(droppedBy !== undefined && before ? { dropped: before, droppedBy } : {}) });
  }
}
