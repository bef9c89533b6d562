// The session's messages as a store the faces read (subscribe / getSnapshot), the events it
// emits, and the connection state: the part of a session that holds, not the part that acts.
import { isTerminal } from "./status.js";
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

  protected update(index: number, patch: Partial<OutgoingMessage>): OutgoingMessage {
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

  protected get(index: number): OutgoingMessage {
    const message = this.messages[index];
    if (!message) throw new Error(`no message ${index}`);
    return message;
  }
}
