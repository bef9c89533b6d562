// One thread: sends each message as a run with its strategy, follows runs in queue order,
// and emits each finished run's new messages. The only code that talks to the SDK at run time.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Strategy } from "../strategies.js";
import { messagesOf } from "./message.js";
import { newMessages } from "./history.js";
import { httpStatus, isRejection, isTransient, serverMessage, type EngineClient } from "./sdk.js";
import { followRun, type RunOutcome } from "./follow.js";
import { findRun, readMessages } from "./lookup.js";
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
    const state = await options.client.threads.getState(options.threadId);
    const existing = newMessages(messagesOf(state.values), new Set(), new Set());
    for (const { key } of existing) session.emitted.add(key);
    session.initialMessages = existing.map((e) => e.message);
    return session;
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
    const message: OutgoingMessage = {
      index: this.messages.length,
      clientId: resend?.clientId ?? randomUUID(),
      messageId: resend?.messageId ?? randomUUID(),
      text,
      strategy,
      status: "sending",
      sentAt: Date.now(),
      ...(resend ? { retryOf: resend.index, runId: resend.runId } : {}),
    };
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
    const attempts = this.options.createAttempts ?? 3;
    // A resend first looks for the run its earlier try may have made.
    if (message.retryOf !== undefined && (await this.adoptIfMade(index)) !== "absent") return;
    for (let attempt = 1; ; attempt++) {
      try {
        const run = await this.createClient.runs.create(this.threadId, this.options.assistantId, {
          input: { messages: [{ type: "human", content: message.text, id: message.messageId }] },
          multitaskStrategy: message.strategy,
          streamMode: [...STREAM_MODES],
          streamResumable: true,
          metadata: { chat_client_id: message.clientId },
          signal: this.abort.signal,
        });
        this.setConnection("connected");
        this.update(index, { status: "pending", runId: run.run_id });
        return;
      } catch (err) {
        if (isRejection(err)) {
          this.update(index, { status: "rejected", httpStatus: httpStatus(err), detail: serverMessage(err) });
          return;
        }
        if (!isTransient(err) || this.abort.signal.aborted) {
          this.update(index, { status: "failed", httpStatus: httpStatus(err), detail: serverMessage(err) });
          return;
        }
        // No answer or a 5xx: the server may have made the run anyway. Only a look-up that says
        // "not there" allows another try, so one message never becomes two runs.
        this.setConnection("reconnecting");
        const found = await this.adoptIfMade(index, serverMessage(err));
        if (found !== "absent") return;
        if (attempt >= attempts) {
          this.setConnection("offline");
          this.update(index, { status: "failed", httpStatus: httpStatus(err), detail: serverMessage(err) });
          return;
        }
        await sleep(this.retryDelayMs * attempt);
      }
    }
  }

  /**
   * Looks for a run made for this message (by its client id, kept in run metadata). Adopts it if
   * found; marks the message failed if the server cannot say; "absent" means safe to create.
   */
  private async adoptIfMade(index: number, why?: string): Promise<"adopted" | "absent" | "unknown"> {
    const { clientId, runId } = this.get(index);
    const lookup = await findRun(this.options.client, this.threadId, clientId, {
      signal: this.abort.signal,
      delayMs: this.retryDelayMs,
      knownRunId: runId,
    });
    if (lookup === "absent") return "absent";
    if (lookup === "unknown") {
      this.setConnection("offline");
      this.update(index, {
        status: "failed",
        detail: `${why ? `${why}; ` : ""}cannot tell whether the server got it (resend to check, it will not be doubled)`,
      });
      return "unknown";
    }
    this.setConnection("connected");
    this.update(index, { status: "pending", runId: lookup.found });
    return "adopted";
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
          if (this.get(index).status === "pending") this.update(index, { status: "running" });
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
    } else {
      this.update(index, { status: outcome.kind, detail: outcome.detail, serverStatus: outcome.serverStatus });
    }
    if (this.get(index).status !== "rolled_back") await this.emitNewMessages(index);
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
