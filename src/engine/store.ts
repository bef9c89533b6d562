// The session's messages as a store the faces read (subscribe / getSnapshot), the events it
// emits, and the connection state: the part of a session that holds, not the part that acts.
import { born, IllegalTransition, transition, type BirthEvent, type LifecycleEvent } from "./lifecycle.js";
import type { ConnectionState, OutgoingMessage, SessionEvent, SessionListener } from "./types.js";

export class MessageStore {
  protected messages: OutgoingMessage[] = [];
  private readonly listeners = new Set<SessionListener>();
  private connection: ConnectionState = "connected";
  /** When the deployment last stopped answering; cleared by any answer. */
  private offlineSince: number | undefined;

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every message sent so far; a new array whenever anything changes. */
  getSnapshot(): readonly OutgoingMessage[] {
    return this.messages;
  }

  getConnection(): ConnectionState {
    return this.connection;
  }

  protected setConnection(state: ConnectionState): void {
    if (state === "connected") this.offlineSince = undefined;
    if (state === this.connection) return;
    this.connection = state;
    this.emit({ type: "connection", state });
  }

  /** A request just failed to reach the deployment: how long it has been out of contact (ms). */
  protected outOfContactMs(now = Date.now()): number {
    this.offlineSince ??= now;
    return now - this.offlineSince;
  }

  protected emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Transitions the lifecycle table did not allow: each is a bug. The message is left as it was
   * and the faces are told (a notice), rather than a run's story being rewritten; tests read this.
   */
  readonly illegal: IllegalTransition[] = [];
  /** Closed: no longer followed, so a late answer that no longer fits (a run abandoned as unknown) is let go. */
  protected closed = false;

  /** A new message, made by its first event (sent, held, or a run found on the thread). */
  protected add(fields: Omit<OutgoingMessage, "index" | "status" | "sentAt">, event: BirthEvent): OutgoingMessage {
    const message = born({ ...fields, index: this.messages.length }, event);
    this.messages = [...this.messages, message];
    this.emit({ type: "status", message, from: null, cause: event });
    return message;
  }

  /** Moves message `index` by `event`, as the lifecycle table allows; false when it does not. */
  protected apply(index: number, event: LifecycleEvent): boolean {
    const current = this.get(index);
    let next: OutgoingMessage;
    try {
      next = transition(current, event);
    } catch (err) {
      if (!(err instanceof IllegalTransition)) throw err;
      if (this.closed) return false;
      this.illegal.push(err);
      this.emit({ type: "notice", index, text: `chat bug, please report: ${err.message}` });
      return false;
    }
    this.messages = this.messages.map((m) => (m.index === index ? next : m));
    this.emit({ type: "status", message: next, from: current.status, cause: event });
    return true;
  }

  protected get(index: number): OutgoingMessage {
    const message = this.messages[index];
    if (!message) throw new Error(`no message ${index}`);
    return message;
  }
}
