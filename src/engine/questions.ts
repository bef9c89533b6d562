// The thread's open question, if any: asked by one of our runs (seen in its stream), or found
// when the thread was opened. Says when it is answered, and when a new message dropped it.
import { interruptsOfUpdate, questionOfState, type OpenInterrupt, type Question } from "./interrupts.js";
import { isRecord } from "./message.js";
import type { OutgoingMessage, SessionEvent } from "./types.js";
import type { LifecycleEvent } from "./lifecycle.js";
import type { Usage } from "./usage.js";

interface Host {
  get(index: number): OutgoingMessage;
  apply(index: number, event: LifecycleEvent): void;
  emit(event: SessionEvent): void;
  /** The first later new message of ours already sent or on its way, if any. */
  laterInFlight(index: number): number | undefined;
  /** The thread's status and open interrupts (`{ [taskId]: [{id, value}] }`). */
  readThread(): Promise<{ status?: unknown; interrupts?: unknown }>;
  /** The thread's state with subgraphs, to name the node a breakpoint paused before. */
  readState(): Promise<{ next?: unknown; tasks?: unknown; metadata?: unknown }>;
}

export class Questions {
  private open: Question | undefined;
  /** The answer on its way (its create not back yet): a second answer would go to the next question. */
  private answering: number | undefined;
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

  /**
   * Whether run `index` stopped to wait for a person: its stream said so, or (when the stream was
   * left early, as soon as the run was over) the thread, just after it ended, says it waits.
   */
  async wasAsked(index: number): Promise<boolean> {
    if (this.asked.has(index)) return true;
    const thread = await this.host.readThread().catch(() => undefined);
    if (thread?.status !== "interrupted") return false;
    // By now the thread may wait on a later run's question (the next queued run started and
    // asked): it is this run's only if the thread's last checkpoint is this run's.
    const state = await this.host.readState().catch(() => undefined);
    const wrote = isRecord(state?.metadata) ? state.metadata.run_id : undefined;
    if (typeof wrote === "string" && wrote !== this.host.get(index).runId) return false;
    const lists = isRecord(thread.interrupts) ? Object.values(thread.interrupts) : [];
    this.asked.set(
      index,
      lists.flatMap((list) => interruptsOfUpdate({ __interrupt__: list }) ?? []),
    );
    return true;
  }

  /** Run `index` ended having stopped to ask (its output read: `end`): it is waiting now. */
  async ended(index: number, end: { serverStatus?: string; usage?: Usage } = {}): Promise<void> {
    const interrupts = this.asked.get(index);
    if (!interrupts) return;
    // A breakpoint has no value: the state says where it paused (best effort, it is only words).
    const where = interrupts.length ? {} : await this.host.readState().then(questionOfState, () => ({}));
    const doomedBy = this.host.laterInFlight(index);
    const question: Question = { ...where, interrupts, index, ...(doomedBy !== undefined ? { doomedBy } : {}) };
    this.host.apply(index, { type: "asked", interrupts, pausedBefore: question.pausedBefore, ...end });
    this.set(question);
  }

  /** A new message's run started on the thread: the server drops an open question for it. */
  started(index: number): void {
    const open = this.open;
    if (!open || this.host.get(index).kind === "answer") return;
    if (open.index !== undefined && open.index < index) {
      this.host.apply(open.index, {
        type: "dropped",
        by: index,
        detail: `#${index + 1} ran as a new message, so the server dropped the question`,
      });
    }
    this.set(undefined, index);
  }

  /**
   * Why the open question cannot be answered now, if it cannot: an answer is already on its way,
   * or a later new message of ours is queued and will run first (the server then drops it).
   */
  refusal(): string | undefined {
    const open = this.open;
    if (!open) return "the thread is not waiting for an answer";
    if (this.answering !== undefined) return `#${this.answering + 1} already answers it`;
    const doomedBy = open.index === undefined ? undefined : this.host.laterInFlight(open.index);
    if (doomedBy !== undefined)
      return `#${doomedBy + 1} is already queued and runs next as a new message: the server drops this question`;
    return undefined;
  }

  /** An answer was sent: until its create comes back, no other may be. */
  sending(index: number): void {
    this.answering = index;
  }

  /** The answer's create was refused or failed: the question is open to another answer. */
  notAnswered(): void {
    this.answering = undefined;
  }

  /** The answer's run was made: the question is closed. */
  answered(index: number): void {
    this.answering = undefined;
    const open = this.open;
    if (open?.index !== undefined) this.host.apply(open.index, { type: "answered", by: index });
    this.set(undefined);
  }

  private set(question: Question | undefined, droppedBy?: number): void {
    const before = this.open;
    if (question !== before) this.answering = undefined;
    this.open = question;
    this.host.emit({ type: "question", question, ...(droppedBy !== undefined && before ? { dropped: before, droppedBy } : {}) });
  }
}
