// One thread: sends each message as a run with its strategy, follows runs in queue order,
// and emits each finished run's new messages. The only code that talks to the SDK at run time.
import { randomUUID } from "node:crypto";
import type { Strategy } from "../strategies.js";
import { messagesOf } from "./message.js";
import { newMessages } from "./history.js";
import { serverMessage, type EngineClient } from "./sdk.js";
import { followRun, type RunOutcome } from "./follow.js";
import { readMessages } from "./lookup.js";
import { createRun } from "./create.js";
import { answerPayload, questionOfState, type Question } from "./interrupts.js";
import { Questions } from "./questions.js";
import type { MessageDict } from "./message.js";
import { isTerminal } from "./status.js";
import { type ConnectionState, type OutgoingMessage, type SessionEvent, type SessionListener } from "./types.js";

export interface SessionOptions {
  client: EngineClient;
  /** Used for runs.create only; must not retry on its own (we retry idempotently). */
  createClient?: EngineClient;
  assistantId: string;
  threadId: string;
  /** Attempts and pause for a create that got no answer or a 5xx. */
  createAttempts?: number;
  retryDelayMs?: number;
}

// No "values": each would carry the whole thread state; the state is read once per run instead.
export const STREAM_MODES = ["messages-tuple", "updates"] as const;

export class Session {
  readonly threadId: string;
  private messages: OutgoingMessage[] = [];
  private readonly listeners = new Set<SessionListener>();
  private readonly emitted = new Set<string>();
  private createChain: Promise<void> = Promise.resolve();
  private followChain: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  private readonly createClient: EngineClient;
  /** Pause between tries of a create or a read, grown with each try. */
  private readonly retryDelayMs: number;
  private readonly cancelled = new Set<string>();
  private connection: ConnectionState = "connected";
  /** The thread's messages when the session was opened (already on screen for no one yet). */
  initialMessages: readonly MessageDict[] = [];
  private readonly questions = new Questions({
    get: (index) => this.get(index),
    update: (index, patch) => this.update(index, patch),
    emit: (event) => this.emit(event),
    readState: () => this.options.client.threads.getState(this.threadId, undefined, { subgraphs: true }),
  });

  private constructor(private readonly options: SessionOptions) {
    this.threadId = options.threadId;
    this.createClient = options.createClient ?? options.client;
    this.retryDelayMs = options.retryDelayMs ?? 300;
  }

  /**
   * Opens a session on a thread; what it already holds counts as shown. `fresh` says the thread
   * was just created (so empty), which saves reading its state.
   */
  static async open(options: SessionOptions & { fresh?: boolean }): Promise<Session> {
    const session = new Session(options);
    if (options.fresh) return session;
    const [state, thread] = await Promise.all([
      options.client.threads.getState(options.threadId, undefined, { subgraphs: true }),
      options.client.threads.get(options.threadId),
    ]);
    const existing = newMessages(messagesOf(state.values), new Set(), new Set());
    for (const { key } of existing) session.emitted.add(key);
    session.initialMessages = existing.map((e) => e.message);
    // An agent that asked before we came is still waiting for its answer.
    if (thread.status === "interrupted") session.questions.found(questionOfState(state));
    return session;
  }

  /** The question the thread waits on (from interrupt() or a breakpoint), if any. */
  getQuestion(): Question | undefined {
    return this.questions.current();
  }

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every message sent so far; a new array whenever anything changes. */
  getSnapshot(): readonly OutgoingMessage[] {
    return this.messages;
  }

  /**
   * Sends at once: creation is never held back by a run in flight. `retryOf` names a failed
   * message this one resends; if its create did reach the server after all, that run is adopted.
   */
  send(text: string, strategy: Strategy, options: { retryOf?: number } = {}): OutgoingMessage {
    const original = options.retryOf === undefined ? undefined : this.messages[options.retryOf];
    const resend = original?.status === "failed" && original.text === text ? original : undefined;
    return this.enqueue({
      clientId: resend?.clientId ?? randomUUID(),
      messageId: resend?.messageId ?? randomUUID(),
      text,
      kind: "message",
      strategy,
      ...(resend ? { retryOf: resend.index, runId: resend.runId } : {}),
    });
  }

  /**
   * Answers the open question: `value` goes back to interrupt() (to the one with `interruptId`
   * when several are open); at a breakpoint the run just goes on. Throws when nothing is open.
   */
  answer(value: unknown, strategy: Strategy, options: { interruptId?: string; text?: string } = {}): OutgoingMessage {
    const question = this.questions.current();
    if (!question) throw new Error("the thread is not waiting for an answer");
    const breakpoint = question.interrupts.length === 0;
    return this.enqueue({
      clientId: randomUUID(),
      messageId: randomUUID(),
      text: breakpoint ? "(continue)" : (options.text ?? (typeof value === "string" ? value : JSON.stringify(value))),
      kind: "answer",
      answer: {
        value: breakpoint ? null : value,
        payload: answerPayload(question, value, options.interruptId),
        of: question.index,
      },
      strategy,
    });
  }

  private enqueue(fields: Omit<OutgoingMessage, "index" | "status" | "sentAt">): OutgoingMessage {
    const message: OutgoingMessage = { ...fields, index: this.messages.length, status: "sending", sentAt: Date.now() };
    this.messages = [...this.messages, message];
    this.emit({ type: "status", message });
    // Creates go out one after another so the server's queue order is our order; each waits
    // only for the previous create's answer (milliseconds), never for a run.
    const created = (this.createChain = this.createChain.then(() => this.create(message.index)));
    this.followChain = Promise.all([this.followChain, created]).then(() => this.follow(message.index));
    return message;
  }

  /** Resolves when every message sent so far has finished and its messages were emitted. */
  async whenIdle(): Promise<void> {
    let chain: Promise<void>;
    do {
      chain = this.followChain;
      await chain;
    } while (chain !== this.followChain);
  }

  getConnection(): ConnectionState {
    return this.connection;
  }

  /**
   * Cancels (action interrupt) the running run, or every pending and running run of the
   * thread, ours or not. Returns how many runs were asked to stop.
   */
  async cancel(scope: "running" | "all"): Promise<number> {
    const { runs } = this.options.client;
    let ids: string[];
    if (scope === "all") {
      const [pending, running] = await Promise.all([
        runs.list(this.threadId, { status: "pending", limit: 100 }),
        runs.list(this.threadId, { status: "running", limit: 100 }),
      ]);
      ids = [...running, ...pending].map((run) => run.run_id);
    } else {
      const active = this.messages.find((m) => m.status === "running") ?? this.messages.find((m) => m.status === "pending");
      ids = active?.runId ? [active.runId] : [];
    }
    for (const id of ids) this.cancelled.add(id);
    await Promise.all(ids.map((id) => runs.cancel(this.threadId, id, false, "interrupt")));
    return ids.length;
  }

  /** Stops following runs (they keep going on the server). */
  close(): void {
    this.abort.abort();
  }

  private setConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    this.emit({ type: "connection", state });
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private update(index: number, patch: Partial<OutgoingMessage>): OutgoingMessage {
    const current = this.messages[index];
    if (!current) throw new Error(`no message ${index}`);
    const next: OutgoingMessage = { ...current, ...patch };
    if (isTerminal(next.status) && next.finishedAt === undefined) {
      (next as { finishedAt?: number }).finishedAt = Date.now();
    }
    this.messages = this.messages.map((m) => (m.index === index ? next : m));
    if (patch.status !== undefined && patch.status !== current.status) this.emit({ type: "status", message: next });
    return next;
  }

  private get(index: number): OutgoingMessage {
    const message = this.messages[index];
    if (!message) throw new Error(`no message ${index}`);
    return message;
  }

  private async create(index: number): Promise<void> {
    const message = this.get(index);
    const created = await createRun(
      {
        client: this.options.client,
        createClient: this.createClient,
        threadId: this.threadId,
        assistantId: this.options.assistantId,
        signal: this.abort.signal,
        attempts: this.options.createAttempts ?? 3,
        retryDelayMs: this.retryDelayMs,
        setConnection: (state) => this.setConnection(state),
      },
      {
        clientId: message.clientId,
        runId: message.runId,
        resend: message.retryOf !== undefined,
        payload: this.payloadOf(message),
      },
    );
    this.update(index, created);
    if (created.status === "pending" && message.kind === "answer") this.questions.answered(index);
  }

  /** What the run is made with: the message as new input, or the answer to the open question. */
  private payloadOf(message: OutgoingMessage): Record<string, unknown> {
    const common = { multitaskStrategy: message.strategy, streamMode: [...STREAM_MODES], streamResumable: true };
    if (message.answer) return { ...common, ...message.answer.payload };
    return { ...common, input: { messages: [{ type: "human", content: message.text, id: message.messageId }] } };
  }

  private async follow(index: number): Promise<void> {
    const message = this.get(index);
    if (!message.runId || isTerminal(message.status)) return;
    let outcome: RunOutcome;
    try {
      outcome = await followRun(this.options.client, this.threadId, message.runId, {
        signal: this.abort.signal,
        onRetry: () => this.setConnection("reconnecting"),
        onEvent: (event, data) => {
          this.setConnection("connected");
          if (this.get(index).status === "pending") {
            this.update(index, { status: "running" });
            this.questions.started(index);
          }
          if (event === "updates") this.questions.noteUpdate(index, data);
          this.emit({ type: "stream", index, event, data });
        },
      });
    } catch (err) {
      if (!this.abort.signal.aborted) this.setConnection("offline");
      this.update(index, { status: "failed", detail: `lost track of the run: ${serverMessage(err)}` });
      return;
    }
    if (outcome.kind === "stopped") {
      // Which later message stopped it? Its create may still be on its way back.
      await this.createChain;
      const cause = this.messages.find(
        (m) => m.index > index && (m.strategy === "interrupt" || m.strategy === "rollback") && m.runId,
      );
      const keptDespiteRollback = cause?.strategy === "rollback" && !outcome.deleted;
      if (outcome.deleted && cause?.strategy !== "rollback") {
        // Gone, and not by a rollback of ours: deleted elsewhere, or lost when the server restarted.
        this.update(index, { status: "failed", detail: "the run is gone from the server (deleted, or lost in a restart)" });
        return;
      }
      this.update(index, {
        status: outcome.deleted ? "rolled_back" : "interrupted",
        serverStatus: outcome.serverStatus,
        detail: keptDespiteRollback
          ? "rollback requested: the server stopped the run but kept its output"
          : !cause && this.cancelled.has(message.runId)
            ? "cancelled"
            : outcome.detail,
      });
    } else if (outcome.kind === "success" && (await this.askedAfterMessages(index, outcome.serverStatus))) {
      return;
    } else {
      this.update(index, { status: outcome.kind, detail: outcome.detail, serverStatus: outcome.serverStatus });
    }
    if (this.get(index).status !== "rolled_back") await this.emitNewMessages(index);
  }

  /** A run that stopped to ask: its messages first, then the question (so it reads in order). */
  private async askedAfterMessages(index: number, serverStatus: string): Promise<boolean> {
    if (!this.questions.wasAsked(index)) return false;
    this.update(index, { serverStatus });
    await this.emitNewMessages(index);
    if (this.get(index).status !== "failed") await this.questions.ended(index);
    return true;
  }

  private async emitNewMessages(index: number): Promise<void> {
    try {
      const thread = await readMessages(this.options.client, this.threadId, this.retryDelayMs);
      const later = new Set(this.messages.filter((m) => m.index > index).map((m) => m.messageId));
      const fresh = newMessages(thread, this.emitted, later);
      for (const { key } of fresh) this.emitted.add(key);
      if (fresh.length) this.emit({ type: "messages", index, messages: fresh.map((f) => f.message) });
    } catch (err) {
      // Said out loud (and an exit code of 1), never skipped in silence.
      this.update(index, { status: "failed", detail: `the run ended but its messages could not be read: ${serverMessage(err)}` });
    }
  }
}
