// /unsend, /drop and Alt+↑ for the UI: which message (the newest that can be taken back, when none
// is named), the engine's answer, and what goes back into the input.
import type { Session } from "../engine/session.js";
import type { OutgoingMessage } from "../engine/types.js";
import { isPullable } from "./queue-rules.js";
import type { Strategy } from "../strategies.js";

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

export async function takeBack(session: Session, how: "unsend" | "drop", index = newestQueued(session)): Promise<TakeBack> {
  if (index === undefined) return { refused: "nothing queued to take back (only messages that have not started can be)" };
  const result = await session.withdraw(index, how);
  if ("refused" in result) return result;
  const { text, strategy } = result.withdrawn;
  return how === "unsend" ? { index, input: { text, strategy } } : { index };
}

/** The message last put back into the input (Ctrl+R, /retry, /unsend): sending its text again is its resend. */
export class Recall {
  private last: { readonly index: number; readonly text: string; readonly strategy?: Strategy } | undefined;

  set = (last: Recall["last"]): void => void (this.last = last);

  /** The newest message that can be pulled back (rejected, failed, stopped, taken back, unknown) and is still shown. */
  pull(messages: readonly OutgoingMessage[], dismissed: ReadonlySet<number>): OutgoingMessage | undefined {
    const last = messages.findLast((m) => m.kind === "message" && isPullable(m.status) && !dismissed.has(m.index));
    this.last = last && { index: last.index, text: last.text };
    return last;
  }

  /** Its own strategy, when `text` is what was taken back. */
  strategyFor = (text: string): Strategy | undefined => (this.last?.text === text ? this.last.strategy : undefined);

  /** Sent now: which message `text` resends, if it is the one put back (then forgotten). */
  sent(text: string): number | undefined {
    const index = this.last?.text === text ? this.last.index : undefined;
    this.last = undefined;
    return index;
  }
}
