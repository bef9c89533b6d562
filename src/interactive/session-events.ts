// What one engine event changes in the interactive UI's state: the messages, the live run, the
// connection, transcript lines for runs cut short or questions dropped. Pure, bar the transcript's keys.
import type { Question } from "../engine/interrupts.js";
import { isRefused, isTerminal } from "../engine/status.js";
import type { OutgoingMessage, SessionEvent } from "../engine/types.js";
import { NO_LIVE, liveReducer, streamedNotKept } from "./live.js";
import type { ChatSnapshot } from "./snapshot.js";
import type { Transcript } from "./transcript.js";
import { oneLine } from "../sanitize.js";
import { ranTokens } from "./tokens.js";

export function eventPatch(
  state: ChatSnapshot,
  event: SessionEvent,
  messages: readonly OutgoingMessage[],
  transcript: Transcript,
): { patch: Partial<ChatSnapshot>; question?: { open: Question | undefined } } {
  const { live } = state;
  switch (event.type) {
    case "messages": {
      // Another client's messages are part of the thread: shown in order, and said to be theirs.
      const by = event.byOthers ? [transcript.note(`another client on this thread wrote (before #${event.index + 1}):`)] : [];
      const items = [...state.items, ...by, ...transcript.messages(event.messages)];
      const tokens = ranTokens(state.tokens, event.index, event.messages);
      return { patch: { messages, items, tokens, live: live.index === event.index ? NO_LIVE : live } };
    }
    case "values":
      return { patch: { messages, items: [...state.items, transcript.values(event.values)] } };
    case "stream":
      return { patch: { messages, live: liveReducer(live, event.index, event.event, event.data, event.namespace) } };
    case "connection":
      return { patch: { messages, connection: event.state } };
    case "notice":
      return { patch: { messages, items: [...state.items, transcript.note(`#${event.index + 1}: ${event.text}`, "warning")] } };
    case "question": {
      const dropped = event.dropped && event.droppedBy !== undefined ? [transcript.dropped(event.dropped, event.droppedBy)] : [];
      return { patch: { messages, items: [...state.items, ...dropped] }, question: { open: event.question } };
    }
    case "status": {
      const { message: m, cause } = event;
      // Where a strategy cut a run short, the transcript says so (the row goes when the next run ends).
      const cut = (cause.type === "stopped" || cause.type === "deleted") && m.kind === "message";
      // A refusal's (or lost run's) reason is cut to one line in the queue: the transcript keeps it whole.
      const refused = (isRefused(m.status) || m.status === "unknown") && m.detail ? [transcript.refused(m)] : [];
      // A run another client sent on this thread, seen for the first time: followed here too.
      const theirs =
        cause.type === "adopted" ? [transcript.note(`another client sent #${m.index + 1}: ${oneLine(m.text, 200)}`)] : [];
      // A note from its create (a late create made a second run, cancelled): said once, as it is sent.
      const note =
        cause.type === "created" && cause.detail
          ? [transcript.note(`#${m.index + 1}: ${oneLine(cause.detail, 300)}`, "warning")]
          : [];
      // Taken back by /unsend, /drop or Alt+↑: said once, where it happened.
      const withdrawn =
        cause.type === "withdrawn"
          ? [
              transcript.note(
                `#${m.index + 1} taken back: ${cause.how === "unsend" ? "its text is in the input" : "dropped (↑ and Ctrl+R still have it)"}`,
              ),
            ]
          : [];
      // What the live view showed of a stopped run and the server did not keep is gone with it: said so.
      const unsaved = cause.type === "stopped" && cause.kept !== undefined && streamedNotKept(live, m.index, cause.kept);
      const items = cut
        ? [...state.items, transcript.stopped(m, unsaved)]
        : [...state.items, ...refused, ...theirs, ...note, ...withdrawn];
      const ended = isTerminal(m.status) && live.index === m.index;
      return { patch: { messages, items, live: ended ? NO_LIVE : live } };
    }
  }
}
