// The status bar's words, without Ink: the bar draws them, the layout counts their lines, and the
// first frame (drawn before Ink is loaded) writes them out itself.
import type { ConnectionState } from "../engine/types.js";
import type { Strategy } from "../strategies.js";
import { neutralise } from "../sanitize.js";
import { distinguishing } from "../thread-ids.js";

/** The engine's connection states, and "connecting" before there is a session. */
export type BarConnection = ConnectionState | "connecting";

const CONNECTION: Record<BarConnection, { label: string; color: string }> = {
  // Only before the first session opens (the first frame, drawn before the UI is loaded).
  connecting: { label: "connecting…", color: "yellow" },
  connected: { label: "connected", color: "green" },
  reconnecting: { label: "reconnecting…", color: "yellow" },
  offline: { label: "offline", color: "red" },
};

export interface StatusBarProps {
  deployment: string;
  assistant: string;
  threadId: string;
  /** Recent thread ids: the bar shows the part of `threadId` that tells it apart among them. */
  knownThreads?: readonly string[];
  strategy: Strategy;
  connection: BarConnection;
  /** The agent waits for an answer. */
  waiting?: boolean;
  /** New messages are held while a run may still ask. */
  hold?: boolean;
  /** config / context every run is sent with. */
  runSettings?: string;
  /** The thread's tokens so far, as its model reported them. */
  tokens?: number;
}

export interface Part {
  readonly text: string;
  readonly color?: string;
  readonly dim?: boolean;
}

/** The bar is drawn at every frame: the thread's part is worked out again only when the thread or the known ids change. */
let lastPart: { readonly id: string; readonly known?: readonly string[]; readonly part: string } | undefined;

function threadPart(id: string, known: readonly string[] | undefined): string {
  if (lastPart?.id !== id || lastPart.known !== known) lastPart = { id, known, part: distinguishing(id, known ?? []) };
  return lastPart.part;
}

/** The bar's words, in order; the layout counts the lines they wrap to from the same list. */
export function statusParts(props: StatusBarProps): Part[] {
  const { deployment, assistant, threadId, knownThreads, strategy, connection, waiting, hold, runSettings, tokens } = props;
  const c = CONNECTION[connection];
  const dot: Part = { text: "·", dim: true };
  return [
    { text: neutralise(deployment), dim: true },
    dot,
    { text: neutralise(assistant), dim: true },
    dot,
    { text: `thread ${neutralise(threadPart(threadId, knownThreads))}`, dim: true },
    dot,
    { text: `strategy ${strategy}`, color: "cyan" },
    ...(hold ? [dot, { text: "hold", color: "cyan" }] : []),
    ...(runSettings ? [dot, { text: neutralise(runSettings), dim: true }] : []),
    ...(tokens ? [dot, { text: `${tokens} tokens`, dim: true }] : []),
    dot,
    { text: c.label, color: c.color },
    ...(waiting ? [dot, { text: "waiting for your answer", color: "yellow" }] : []),
  ];
}
