// Reads the engine: its message snapshot (useSyncExternalStore), and its events folded into
// transcript items, the live run and the connection state.
import { useEffect, useReducer, useState, useSyncExternalStore } from "react";
import type { Session } from "../../engine/session.js";
import type { ConnectionState, OutgoingMessage } from "../../engine/types.js";
import type { MessageDict } from "../../engine/message.js";
import { NO_LIVE, liveReducer, type LiveState } from "../live.js";

type LiveAction = { kind: "event"; index: number; event: string; data: unknown } | { kind: "done"; index: number };

function reduceLive(state: LiveState, action: LiveAction): LiveState {
  if (action.kind === "done") return state.index === action.index ? NO_LIVE : state;
  return liveReducer(state, action.index, action.event, action.data);
}

export function useSession(session: Session, onMessages: (messages: readonly MessageDict[]) => void) {
  const messages: readonly OutgoingMessage[] = useSyncExternalStore(
    (notify) => session.subscribe(notify),
    () => session.getSnapshot(),
  );
  const [live, dispatch] = useReducer(reduceLive, NO_LIVE);
  const [connection, setConnection] = useState<ConnectionState>(session.getConnection());

  useEffect(() => {
    setConnection(session.getConnection());
    return session.subscribe((event) => {
      if (event.type === "messages") {
        onMessages(event.messages);
        dispatch({ kind: "done", index: event.index });
      } else if (event.type === "stream") {
        dispatch({ kind: "event", index: event.index, event: event.event, data: event.data });
      } else if (event.type === "connection") {
        setConnection(event.state);
      } else if (event.type === "status" && !["sending", "pending", "running"].includes(event.message.status)) {
        dispatch({ kind: "done", index: event.message.index });
      }
    });
  }, [session, onMessages]);

  return { messages, live, connection };
}
