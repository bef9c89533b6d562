// Opening a thread as a session: which assistant it runs (a continued thread's own, unless one
// was asked for), that the assistant exists, what typed text becomes as its input, lost runs
// reconciled first; and how to open more threads later (/new, /thread).
import type { Connection } from "../deployment/connect.js";
import { UsageError } from "../errors.js";
import { connectionProblem, createThread, probe, readThread } from "../deployment/connect.js";
import { assistantForThread } from "../deployment/thread-assistant.js";
import { resolveThreadId } from "../deployment/recent-threads.js";
import type { Session } from "../engine/session.js";
import type * as SessionModule from "../engine/session.js";
import type * as ColourModule from "../pretty-print/colour.js";
import { readInputShape, shapeWithin, type ShapeSource } from "../engine/input-shape.js";
import { rememberThread } from "../settings/last-thread.js";
import { deploymentName, type Target } from "./target.js";
import type { LostRuns } from "./lost-runs.js";

/** How long a message sent before the graph's input schema has come waits for it. */
const SCHEMA_WAIT_MS = 1_000;

export type Core = [typeof SessionModule, unknown, typeof ColourModule];

export interface Opening {
  lostRuns: LostRuns;
  reconnect: number | undefined;
  /** The thread to continue; none opens a new one. */
  thread: string | undefined;
}

/** What typed text becomes for an assistant: a local graph that takes messages says so itself; any other's schema is read. */
function shapeFor(connection: Connection, assistant: string): ShapeSource {
  const served = connection.local?.graphInputs[assistant];
  return served?.includes("messages")
    ? { kind: "messages" }
    : shapeWithin(readInputShape(connection.createClient, assistant), SCHEMA_WAIT_MS);
}

/** A thread to open and the assistant it runs (worked out before the session opens). */
interface Located {
  readonly id: string;
  readonly assistant: string;
}

/**
 * An existing thread and the assistant to continue it with (see assistantForThread); `typed`: its
 * id, or the start or end of a recent thread's.
 */
async function locate(connection: Connection, target: Target, typed: string, from?: string): Promise<Located> {
  const threadId = await resolveThreadId(connection.client, typed, connection.label);
  const thread = await readThread(connection.client, threadId, connection.label);
  return { id: thread.thread_id, assistant: assistantForThread(thread, { assistant: target.assistant, from }) };
}

/** Checks the assistant, reconciles lost runs and opens the first session (with how to open more). */
export async function openFirst(connection: Connection, target: Target, core: Promise<Core>, opening: Opening) {
  // A continued thread runs its own assistant: read it before checking that assistant exists.
  const first = opening.thread ? await locate(connection, target, opening.thread, target.assistantFrom) : undefined;
  const assistant = first?.assistant ?? target.assistant;
  // A graph the local deployment said it serves has its assistant; anything else is asked for.
  // The first request goes out before the rest of chat is loaded; both proceed together.
  const served = connection.local?.graphInputs[assistant];
  const probing = served
    ? Promise.resolve()
    : probe(connection.client, connection.label, assistant).catch((err: unknown) => {
        // The thread's own assistant, not one asked for: say where it came from.
        if (first && !target.assistantFrom && err instanceof UsageError)
          throw new UsageError(
            `thread ${first.id} last ran assistant ${assistant}, which ${connection.label} does not serve: give --assistant`,
          );
        throw err;
      });
  probing.catch(() => undefined);
  const shapes = new Map([[assistant, shapeFor(connection, assistant)]]);
  const shapeOf = (name: string) => shapes.get(name) ?? shapes.set(name, shapeFor(connection, name)).get(name);
  const [{ Session }, , { themeFor }] = await core;
  await probing;
  await opening.lostRuns.reconcile(connection.client, (line) => process.stderr.write(line));
  const open = sessionOpener(Session, connection, target, opening, shapeOf);
  const lost = connection.local?.crashed.then((how) => ({
    why: `the local deployment exited (${how}); log: ${connection.local?.logFile}`,
    detail:
      "the local deployment exited with it in flight; it writes its data out every few seconds, so a run made in its last seconds (even a new thread) may be gone when it next starts, else it runs then (--local --thread shows it)",
  }));
  return { session: await open(opening.thread, assistant, first), open, lost, themeFor };
}

/**
 * Opens a thread (a new one without an id) as a session, and remembers it for --resume. A thread
 * continued here (/thread) runs its own assistant, as --thread does without --assistant.
 */
function sessionOpener(
  SessionClass: typeof Session,
  connection: Connection,
  target: Target,
  opening: Opening,
  shapeOf: (assistant: string) => ShapeSource | undefined,
) {
  /** `assistant`: a new thread's (default the target's: the UI's /new passes the one in view). */
  return async (threadId?: string, assistant = target.assistant, located?: Located): Promise<Session> => {
    const at =
      located ??
      (threadId
        ? await locate(connection, target, threadId)
        : { id: await createThread(connection.client, connection.label), assistant });
    const session = await SessionClass.open({
      client: connection.client,
      createClient: connection.createClient,
      assistantId: at.assistant,
      threadId: at.id,
      fresh: threadId === undefined,
      hold: target.hold,
      checkpoints: connection.local !== undefined,
      runOptions: target.runOptions,
      inputShape: shapeOf(at.assistant),
      reconnectMs: opening.reconnect === undefined ? undefined : opening.reconnect * 1000,
    }).catch((err: unknown) => {
      throw connectionProblem(err, connection.label);
    });
    rememberThread(deploymentName(target), at.assistant, at.id);
    opening.lostRuns.watch(session);
    return session;
  };
}
