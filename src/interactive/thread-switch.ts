// /new and /thread: another thread opened as a session, unless leaving this one would lose sight of
// something (messages in flight, rows not dismissed), re-checked once the new one is open. One at a time.
import type { Session } from "../engine/session.js";
import { errorMessage } from "../errors.js";
import { leftBehind } from "./queue-rules.js";
import type { ControllerOptions } from "./snapshot.js";

export interface SwitchHost {
  session(): Session;
  dismissed(): ReadonlySet<number>;
  /** Puts `next` in view in place of `from` (subscribed, its messages shown). */
  view(next: Session, from: Session, threadId: string | undefined): void;
  say(text: string, tone?: "notice" | "warning"): void;
  /** Not done: the typed line comes back, with why. */
  refuse(why: string): void;
}

export class ThreadSwitch {
  private switching = false;

  constructor(
    private readonly open: ControllerOptions["openSession"],
    private readonly host: SwitchHost,
  ) {}

  /** Opens another thread (a new one without an id), unless leaving this one would lose something. */
  async to(threadId?: string): Promise<void> {
    const { host } = this;
    const from = host.session();
    if (this.switching) return host.say("already switching threads", "warning");
    const waiting = leftBehind(from.getSnapshot(), host.dismissed());
    if (waiting)
      return host.say(`${waiting} message(s) still in the queue: wait for them, /cancel all, or /dismiss first`, "warning");
    this.switching = true;
    try {
      const next = await this.open(threadId, from.assistantId);
      // Messages may have been sent or refused while the thread was opening.
      if (leftBehind(from.getSnapshot(), host.dismissed())) {
        next.close();
        return host.say("a message was sent meanwhile; stayed on this thread", "warning");
      }
      host.view(next, from, threadId);
    } catch (err) {
      host.refuse(errorMessage(err));
    } finally {
      this.switching = false;
    }
  }
}
