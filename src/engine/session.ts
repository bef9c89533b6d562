// One thread: sends each message as a run with its strategy, follows runs in queue order,
// and emits each finished run's new messages; each message moves only as lifecycle.ts allows.
import { randomUUID } from "node:crypto";
import type { Strategy } from "../strategies.js";
import { isTransient } from "./sdk.js";
import { followRun, type RunOutcome } from "./follow.js";
import { foundMessage, readOpening, type FoundRun } from "./lookup.js";
import { endWithOutput, runOutput } from "./run-messages.js";
import { RunWatch } from "./run-watch.js";
import { messageInput } from "./input-shape.js";
import { createRun, createdEvent, runRequest } from "./create.js";
import { answerFields, type Question } from "./interrupts.js";
import { Questions } from "./questions.js";
import { RECONNECT_MS, lostRun, stoppedReport, toFollowAgain } from "./stopped.js";
import { StopRequests } from "./stop-requests.js";
import { checkpointBefore } from "./fork-points.js";
import type { MessageDict } from "./message.js";
import { isInFlight, isTerminal } from "./status.js";
import type { OutgoingMessage, SessionOptions } from "./types.js";
import { MessageStore } from "./store.js";
import { capDepth } from "../depth.js";
import type { LifecycleEvent } from "./lifecycle.js";
import type { WithdrawHow, Withdrawal } from "./withdraw.js";

export type SendOptions = { retryOf?: number; now?: boolean; input?: Record<string, unknown>; fork?: string };

export class Session extends MessageStore {
  readonly threadId: string;
  /** The assistant (graph id or assistant id) every run on this thread is made with. */
  readonly assistantId: string;
  private readonly emitted = new Set<string>();
  private createChain: Promise<void> = Promise.resolve();
  private followChain: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  /** Pause between tries of a create or a read, grown with each try. */
  private readonly retryDelayMs: number;
  private hold: boolean;
  private readonly stops: StopRequests;
  /** The thread's messages when the session was opened (already on screen for no one yet). */
  initialMessages: readonly MessageDict[] = [];
  private readonly questions = new Questions({
    get: (index) => this.get(index),
    apply: (index, event) => void this.apply(index, event),
    emit: (event) => this.emit(event),
    laterInFlight: (index) => this.messages.find((m) => m.index > index && m.kind === "message" && isInFlight(m.status))?.index,
    readThread: () => this.options.client.threads.get(this.threadId),
    readState: () => this.options.client.threads.getState(this.threadId, undefined, { subgraphs: true }),
  });
  private readonly runWatch: RunWatch;

  private constructor(private readonly options: SessionOptions) {
    super();
    this.threadId = options.threadId;
    this.assistantId = options.assistantId;
    this.hold = options.hold ?? false;
    this.retryDelayMs = options.retryDelayMs ?? 300;
    this.stops = new StopRequests({ ...options, messages: () => this.messages, apply: (i, e) => this.apply(i, e) });
    this.runWatch = new RunWatch(options.client, options.threadId, options.watchMs ?? 2000, {
      busy: () => this.messages.some((m) => isInFlight(m.status)),
      known: (run) => this.messages.some((m) => m.runId === run.runId || m.clientId === run.clientId),
      adopt: (run) => this.adopt(run),
    });
  }

  /** Opens a session on a thread (what it holds counts as shown); `fresh`: just created, so nothing to read. */
  static async open(options: SessionOptions & { fresh?: boolean }): Promise<Session> {
    const session = new Session(options);
    if (options.fresh) return session;
    const opened = await readOpening(options.client, options.threadId);
    for (const { key } of opened.existing) session.emitted.add(key);
    session.initialMessages = opened.existing.map((e) => e.message);
    // An agent that asked before we came is still waiting for its answer.
    if (opened.question) session.questions.found(opened.question);
    // Runs still on their way are followed like ours, so nothing sent to the thread goes unseen.
    for (const run of opened.inFlight) session.adopt(run);
    return session;
  }

  /** Why the open question cannot be answered now (see Questions.refusal), or undefined. */
  questionRefusal = (): string | undefined => this.questions.refusal();

  /** The question the thread waits on (from interrupt() or a breakpoint), if any. */
  getQuestion = (): Question | undefined => this.questions.current();

  /**
   * Sends at once (unless held, see setHold; `now` overrides): never held back by a run in flight.
   * `retryOf` names a failed message this one resends; a run its create did make is adopted.
   * `fork`: its run forks the thread from that checkpoint (see fork-points.ts).
   */
  send(text: string, strategy: Strategy, options: SendOptions = {}): OutgoingMessage {
    const original = options.retryOf === undefined ? undefined : this.messages[options.retryOf];
    const resend =
      (original?.status === "failed" || original?.status === "unknown") && original.text === text ? original : undefined;
    return this.enqueue(
      {
        clientId: resend?.clientId ?? randomUUID(),
        messageId: resend?.messageId ?? randomUUID(),
        text,
        kind: "message",
        strategy,
        input: options.input,
        fork: options.fork ?? resend?.fork, // a rewound message's resend forks where it did
        ...(resend ? { retryOf: resend.index, runId: resend.runId } : {}),
      },
      // Behind messages already held, too: they go out in the order they were typed.
      !options.now && (this.mayStillAsk() || (this.hold && this.messages.some((m) => m.status === "held"))),
    );
  }

  /**
   * With hold on, a new message waits in the client while a run of ours is in flight or the
   * agent's question is open, so the server never drops a question for it; off releases them all.
   */
  setHold(on: boolean): void {
    this.hold = on;
    if (on) return;
    for (const m of this.messages) if (m.status === "held") this.start(m.index);
  }

  private mayStillAsk(): boolean {
    const busy = this.messages.some((m) => m.status !== "held" && !isTerminal(m.status));
    return this.hold && (busy || this.questions.current() !== undefined);
  }

  /** The first held message goes out once nothing of ours may still ask. */
  private releaseHeld(): void {
    const next = this.messages.find((m) => m.status === "held");
    if (next && !this.mayStillAsk()) this.start(next.index);
  }

  /**
   * Answers the open question: `value` goes back to interrupt() (to the one with `interruptId`
   * when several are open); at a breakpoint the run just goes on. Throws when nothing is open.
   */
  answer(value: unknown, strategy: Strategy, options: { interruptId?: string; text?: string } = {}): OutgoingMessage {
    const question = this.questions.current();
    const refusal = this.questions.refusal();
    if (!question || refusal) throw new Error(refusal);
    const ids = { clientId: randomUUID(), messageId: randomUUID() };
    const message = this.enqueue({ ...ids, ...answerFields(question, value, options), strategy });
    this.questions.sending(message.index);
    return message;
  }

  /** The checkpoint a fork replacing run `runId` starts from (null: it was the first run; see fork-points.ts). */
  checkpointBefore = (runId: string): Promise<string | null | undefined> =>
    checkpointBefore(this.options.client, this.threadId, runId);

  /** Follows a run we did not send (another client's, or ours from before) like our own. */
  private adopt(run: FoundRun): void {
    const message = this.add(foundMessage(run), { type: "adopted", status: run.status });
    this.followChain = this.followChain.then(() => this.follow(message.index));
  }

  private enqueue(fields: Omit<OutgoingMessage, "index" | "status" | "sentAt">, held = false): OutgoingMessage {
    const message = this.add(fields, { type: held ? "held" : "sent" });
    if (!held) this.start(message.index);
    return message;
  }

  private start(index: number): void {
    if (this.get(index).status === "held") this.apply(index, { type: "released" });
    // Creates go out one after another so the server's queue order is our order; each waits for
    // the previous create's answer (milliseconds; a lost one's landing window), never for a run.
    const created = (this.createChain = this.createChain.then(() => this.create(index)));
    this.runWatch.arm();
    this.followChain = Promise.all([this.followChain, created])
      .then(() => this.followLost(index))
      .then(() => this.follow(index))
      .then(() => this.releaseHeld())
      .then(() => (this.messages.some((m) => isInFlight(m.status)) ? undefined : this.runWatch.look()));
  }

  /** A create sent after contact was lost got through: runs that went unknown then are followed again, in order. */
  private async followLost(index: number): Promise<void> {
    const { createdAt = 0 } = this.get(index);
    for (const m of this.abort.signal.aborted ? [] : toFollowAgain(this.messages, createdAt)) {
      this.apply(m.index, { type: "refollowed", detail: "contact was lost, then back: followed again" });
      await this.follow(m.index);
    }
  }

  /** Resolves once every message sent has finished (its messages emitted) and no other client's run is in flight. */
  async whenIdle(): Promise<void> {
    for (let chain = this.followChain; ; chain = this.followChain) {
      await chain;
      if (chain !== this.followChain) continue;
      if (this.getConnection() === "connected") await this.runWatch.look();
      if (chain === this.followChain) return;
    }
  }

  /** Cancels the running run, or every run in flight on the thread, ours or not; says how many (see stop-requests.ts). */
  cancel = (scope: "running" | "all"): Promise<number> => this.stops.cancel(scope);

  /** Takes back a message that has not run: held, or pending (cancelled on the server first; see withdraw.ts). */
  withdraw = (index: number, how: WithdrawHow): Promise<Withdrawal> => this.stops.withdraw(index, how);

  /** Stops following runs (they keep going on the server). */
  close = (): void => void ((this.closed = true), this.runWatch.stop(), this.abort.abort());

  /** The deployment is gone for good (the local one exited): every message in flight is unknown, as `detail` says. */
  abandon(detail: string): void {
    for (const m of this.messages.filter((m) => isInFlight(m.status))) this.apply(m.index, { type: "lost", detail });
    this.close();
  }

  private async create(index: number): Promise<void> {
    const input = await messageInput(this.options.inputShape, this.get(index)).catch((err: Error) => err);
    if (input instanceof Error) return void this.apply(index, { type: "failed", detail: input.message });
    const message = { ...this.get(index), input };
    const created = await createRun(
      {
        ...this.options,
        createClient: this.options.createClient ?? this.options.client,
        signal: this.abort.signal,
        retryDelayMs: this.retryDelayMs,
        notice: (text) => this.emit({ type: "notice", index, text }),
        setConnection: (state) => this.setConnection(state),
      },
      runRequest(message, this.options, this.emitted.size),
    );
    if (!this.apply(index, createdEvent(created)) && this.closed) return; // abandoned meanwhile: nothing changes
    if (message.kind === "answer") {
      if (created.status === "pending") this.questions.answered(index);
      else this.questions.notAnswered();
    }
  }

  private async follow(index: number): Promise<void> {
    const message = this.get(index);
    if (!message.runId || isTerminal(message.status)) return;
    const reconnectMs = this.options.reconnectMs ?? RECONNECT_MS;
    let outcome: RunOutcome;
    try {
      outcome = await followRun(this.options.client, this.threadId, message.runId, {
        signal: this.abort.signal,
        keepTrying: (err) => isTransient(err) && this.outOfContactMs() < reconnectMs,
        onRetry: () => this.setConnection("reconnecting"),
        onNotice: (text) => this.emit({ type: "notice", index, text }),
        onEvent: (event, data, namespace) => {
          this.setConnection("connected");
          if (this.get(index).status === "pending") {
            this.apply(index, { type: "started" });
            this.questions.started(index);
          }
          const capped = capDepth(data); // what interrupt() asked, too, reaches the terminal
          if (event === "updates") this.questions.noteUpdate(index, capped);
          this.emit({ type: "stream", index, event, data: capped, ...(namespace.length ? { namespace } : {}) });
        },
      });
    } catch (err) {
      if (this.abort.signal.aborted) return;
      this.setConnection("offline");
      this.apply(index, lostRun(err, message.runId, this.threadId, reconnectMs));
      return;
    }
    await this.stops.settled(index); // taken back meanwhile: that is how it ended
    if (isTerminal(this.get(index).status)) return;
    if (outcome.kind === "stopped") {
      // Which later message stopped it? Its create may still be on its way back.
      await this.createChain;
      const report = stoppedReport(outcome, index, this.messages, this.stops.cancelOf(message.runId));
      if (report.type === "stopped") await this.finish(index, report);
      else this.apply(index, report);
    } else if (!(outcome.kind === "success" && (await this.askedAfterMessages(index, outcome.serverStatus)))) {
      const { kind, ...end } = outcome; // a success has no detail: a create's note stays
      await this.finish(index, { type: "finished", status: kind, ...end });
    }
  }

  /** A run's end (with the tokens it used, so its output is read first), then its messages; unreadable output: `failed`. */
  private async finish(index: number, end: Extract<LifecycleEvent, { type: "finished" | "stopped" }>): Promise<void> {
    const output = await this.output(index, end.type === "stopped" || end.status === "error", end.serverStatus);
    if (!output) return;
    this.apply(index, endWithOutput(end, output));
    for (const event of output.events) this.emit(event);
  }

  /** A run that stopped to ask: its messages first, then the question (so it reads in order). */
  private async askedAfterMessages(index: number, serverStatus: string): Promise<boolean> {
    if (!(await this.questions.wasAsked(index))) return false;
    const output = await this.output(index, false, serverStatus);
    if (!output) return true;
    for (const event of output.events) this.emit(event);
    await this.questions.ended(index, { serverStatus, ...(output.usage ? { usage: output.usage } : {}) });
    return true;
  }

  /** What run `index` wrote (and the tokens it used); undefined, the message `failed`, when it cannot be read. */
  private async output(index: number, stopped: boolean, serverStatus?: string) {
    const later = new Set(this.messages.filter((m) => m.index > index).map((m) => m.messageId));
    const seen = { emitted: this.emitted, later, delayMs: this.retryDelayMs, stopped };
    const output = await runOutput(this.options.client, this.threadId, this.get(index).runId, index, seen);
    if (!("problem" in output)) return output;
    this.apply(index, { type: "failed", detail: output.problem, ...(serverStatus ? { serverStatus } : {}) });
    return undefined;
  }
}
