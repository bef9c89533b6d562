// `chat`: choose the face, connect, open the thread, then hand its session to that face (the Ink UI
// at a terminal, the scripted face otherwise). Only choosing and wiring happen here.
import { realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { ExitCode } from "../exit-codes.js";
import { UsageError } from "../errors.js";
import { connect, connectionProblem, openThread, probe, type Connection } from "../deployment/connect.js";
import type { Session } from "../engine/session.js";
import type * as SessionModule from "../engine/session.js";
import type * as ColourModule from "../pretty-print/colour.js";
import type * as RunModule from "../interactive/run.js";
import type * as HistoryModule from "../interactive/input-history.js";
import { lastThread, rememberThread } from "../settings/last-thread.js";
import { fromLines, fromList, givenInputs, readScript, type GivenInput } from "../scripted/sources.js";
import { onInterrupt, sayOnSignal } from "../signals.js";
import { drawLiveEvenInCi } from "../interactive/terminal.js";
import { holdEarlyKeys, type EarlyKeys } from "../interactive/early-keys.js";
import type { ChatFlags } from "../cli.js";
import { deploymentName, resolveTarget, type Target } from "./target.js";
import { LostRuns } from "./lost-runs.js";
import { describeRunOptions } from "../settings/run-options.js";
import { readInputShape, shapeWithin, type ShapeSource } from "../engine/input-shape.js";
import { neutralise } from "../sanitize.js";

/** How long a message sent before the graph's input schema has come waits for it. */
const SCHEMA_WAIT_MS = 1_000;

/** Scripted when messages come from flags, a file or a pipe; interactive at a terminal. */
function chooseFace(flags: ChatFlags): { scripted: boolean; interactive: boolean; source: AsyncIterable<string | GivenInput> } {
  const messages: Array<string | GivenInput> = [...(flags.message ?? []), ...givenInputs(flags.input ?? [])];
  if (messages.some((m) => typeof m === "string" && m.trim() === ""))
    throw new UsageError('-m "" is an empty message: give each -m some text');
  const answering = (flags.answer?.length ?? 0) > 0 || flags.continue === true;
  const scripted = messages.length > 0 || flags.script !== undefined || answering || !process.stdin.isTTY;
  const interactive = !scripted && process.stdout.isTTY === true;
  const source = messages.length
    ? fromList(messages)
    : flags.script !== undefined
      ? fromList(readScript(flags.script))
      : answering && process.stdin.isTTY
        ? fromList([])
        : fromLines(process.stdin, scripted ? undefined : () => process.stderr.write("> "), (line) =>
            process.stderr.write(`chat: stdin line ${line} is not valid UTF-8; its bad bytes are sent as U+FFFD (said once)\n`),
          );
  return { scripted, interactive, source };
}

/** The thread to continue: --thread, the remembered one for --resume, or none (a new one). */
function threadToContinue(flags: ChatFlags, target: Target): string | undefined {
  if (flags.resume && flags.thread) throw new UsageError("--resume and --thread cannot be used together");
  if (!flags.resume) return flags.thread;
  const remembered = lastThread(deploymentName(target), target.assistant);
  if (!remembered)
    throw new UsageError(`no earlier thread with ${deploymentName(target)} and assistant ${target.assistant} to resume`);
  return remembered;
}

export async function chatCommand(flags: ChatFlags): Promise<ExitCode> {
  // Check everything we can before starting anything, so a bad flag or script costs nothing.
  const target = resolveTarget(flags);
  const face = chooseFace(flags);
  const threadFlag = threadToContinue(flags, target);
  if (face.interactive) drawLiveEvenInCi();
  const early = face.interactive ? holdEarlyKeys() : undefined;
  try {
    return await startAndChat(flags, target, face, threadFlag, early);
  } catch (err) {
    const typed = early?.restore() ?? "";
    if (typed.trim()) process.stderr.write(`chat: not sent (typed while chat started): ${neutralise(JSON.stringify(typed))}\n`);
    throw err;
  }
}

type Core = [typeof SessionModule, unknown, typeof ColourModule];

async function startAndChat(
  flags: ChatFlags,
  target: Target,
  face: ReturnType<typeof chooseFace>,
  threadFlag: string | undefined,
  early: EarlyKeys | undefined,
): Promise<ExitCode> {
  // Load the UI while the network checks run.
  const ui = face.interactive
    ? Promise.all([import("../interactive/run.js"), import("../interactive/input-history.js")])
    : undefined;
  ui?.catch(() => undefined);
  const loadCore = (): Promise<Core> =>
    Promise.all([import("../engine/session.js"), import("../scripted/scripted.js"), import("../pretty-print/colour.js")]);
  // A local deployment takes a second or more to start: load meanwhile. A remote one gets its
  // first request first.
  const core = target.url ? undefined : loadCore();
  core?.catch(() => undefined);

  // Starting the local server takes seconds: say so rather than show nothing.
  if (face.interactive && !target.url)
    process.stderr.write(`chat: starting the local LangGraph deployment${target.project ? ` of ${target.project.dir}` : ""}…\n`);
  const connection = await connect(target);
  if (face.interactive && connection.local) process.stderr.write(`chat: local deployment at ${connection.url}\n`);
  const stopListening = onInterrupt(async () => {
    if (!connection.local) process.stderr.write("chat: runs already sent keep going on the server\n");
    await connection.close();
  });
  const lostRuns = new LostRuns(deploymentName(target));
  try {
    if (flags.verbose && connection.local) {
      process.stderr.write(`chat: local deployment at ${connection.url}, log ${connection.local.logFile}\n`);
    }
    const opening = { lostRuns, reconnect: flags.reconnect, thread: threadFlag };
    const opened = await openFirst(connection, target, core ?? loadCore(), opening);
    const { session, lost } = opened;
    if (ui) return await interactiveFace(await ui, early, opened, connection, target);
    void lost?.then(({ why, detail }) => {
      process.stderr.write(`chat: ${neutralise(why)}\n`);
      session.abandon(detail);
    });
    return await runScriptedFace(session, face, flags, target, connection);
  } finally {
    stopListening();
    lostRuns.save();
    await connection.close();
  }
}

type Opened = Awaited<ReturnType<typeof openFirst>>;
type UiModules = [typeof RunModule, typeof HistoryModule];

/** The Ink face over the first session; the keys typed while chat started are its first input. */
function interactiveFace(
  [{ runInteractive }, { fileHistory }]: UiModules,
  early: EarlyKeys | undefined,
  { session, open, lost, themeFor }: Opened,
  connection: Connection,
  target: Target,
): Promise<ExitCode> {
  early?.release();
  return runInteractive({
    session,
    openSession: open,
    deployment: connection.label,
    assistant: target.assistant,
    strategy: target.strategy,
    hold: target.hold,
    history: fileHistory(connection.label),
    theme: (width) => themeFor(process.env, true, width),
    resumeCommand: resumeCommand(target),
    isLocal: connection.local !== undefined,
    lost,
    runSettings: describeRunOptions(target.runOptions),
  });
}

interface Opening {
  lostRuns: LostRuns;
  reconnect: number | undefined;
  /** The thread to continue; none opens a new one. */
  thread: string | undefined;
}

/** Checks the assistant, reconciles lost runs and opens the first session (with how to open more). */
async function openFirst(connection: Connection, target: Target, core: Promise<Core>, opening: Opening) {
  // A graph the local deployment said it serves has its assistant; anything else is asked for.
  // The first request goes out before the rest of chat is loaded; both proceed together.
  const served = connection.local?.graphInputs[target.assistant];
  const probing = served ? Promise.resolve() : probe(connection.client, connection.label, target.assistant);
  probing.catch(() => undefined);
  // What typed text becomes as input: a local graph that takes messages says so itself; any
  // other's schema is read meanwhile, and a create waits for it only so long (see shapeWithin).
  const shaping: ShapeSource = served?.includes("messages")
    ? { kind: "messages" }
    : shapeWithin(readInputShape(connection.createClient, target.assistant), SCHEMA_WAIT_MS);
  const [{ Session }, , { themeFor }] = await core;
  await probing;
  await opening.lostRuns.reconcile(connection.client, (line) => process.stderr.write(line));
  const { reconnect, lostRuns } = opening;
  const open = sessionOpener(Session, connection, { ...target, inputShape: shaping }, reconnect, lostRuns);
  const lost = connection.local?.crashed.then((how) => ({
    why: `the local deployment exited (${how}); log: ${connection.local?.logFile}`,
    detail:
      "the local deployment exited with it in flight; it may run when the deployment next starts (--local --thread shows it)",
  }));
  return { session: await open(opening.thread), open, lost, themeFor };
}

/** Opens a thread (a new one without an id) as a session, and remembers it for --resume. */
function sessionOpener(
  SessionClass: typeof Session,
  connection: Connection,
  target: Target & { inputShape?: ShapeSource },
  reconnectSeconds: number | undefined,
  lostRuns: LostRuns,
): (threadId?: string) => Promise<Session> {
  return async (threadId) => {
    const id = await openThread(connection.client, threadId, connection.label);
    const session = await SessionClass.open({
      client: connection.client,
      createClient: connection.createClient,
      assistantId: target.assistant,
      threadId: id,
      fresh: threadId === undefined,
      hold: target.hold,
      checkpoints: connection.local !== undefined,
      runOptions: target.runOptions,
      inputShape: target.inputShape,
      reconnectMs: reconnectSeconds === undefined ? undefined : reconnectSeconds * 1000,
    }).catch((err: unknown) => {
      throw connectionProblem(err, connection.label);
    });
    rememberThread(deploymentName(target), target.assistant, id);
    lostRuns.watch(session);
    return session;
  };
}

/** The scripted face; typed lines at a terminal (no UI: stdout is not one) get a prompt and a goodbye. */
async function runScriptedFace(
  session: Session,
  face: ReturnType<typeof chooseFace>,
  flags: ChatFlags,
  target: Target,
  connection: Connection,
): Promise<ExitCode> {
  const { label } = connection;
  const local = connection.local !== undefined;
  // Already loaded by chatCommand, next to the first request.
  const [{ runScripted }, { themeFor }] = await Promise.all([
    import("../scripted/scripted.js"),
    import("../pretty-print/colour.js"),
  ]);
  if (!face.scripted) {
    process.stderr.write(
      `chat: thread ${neutralise(session.threadId)} on ${neutralise(label)}, strategy ${target.strategy}. ` +
        "Type a message and press Enter; Ctrl+D to finish.\n",
    );
  }
  const code = await runScripted(session, face.source, {
    strategy: target.strategy,
    gapMs: flags.gap,
    json: flags.json === true,
    timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
    answers: flags.answer ?? [],
    continueAtBreakpoints: flags.continue === true,
    theme: themeFor(process.env, process.stdout.isTTY === true),
    local,
    sayOnSignal,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  if (!face.scripted)
    process.stderr.write(`chat: resume with: ${neutralise(resumeCommand(target))} --thread ${neutralise(session.threadId)}\n`);
  return code;
}

/** The command that comes back to this deployment and assistant, whatever the settings say then. */
function resumeCommand(target: Target): string {
  const { project } = target;
  const where = target.url ? ["--url", target.url] : project ? ["--project", project.dir] : ["--local"];
  // A project's only graph is its default; otherwise "agent" is.
  const onlyGraph = project && Object.keys(project.graphs).length === 1;
  const named = project ? !onlyGraph : target.assistant !== "agent";
  return [commandName(), ...where, ...(named ? ["--assistant", target.assistant] : [])].join(" ");
}

/** "chat" when that name on PATH is this program; else "npx chat" (installed in a project, not globally). */
export function commandName(env: NodeJS.ProcessEnv = process.env, self = process.argv[1]): string {
  if (!self) return "npx chat";
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  };
  const me = real(self);
  const onPath = (env.PATH ?? "").split(delimiter).some((dir) => dir && real(join(dir, "chat")) === me);
  return onPath ? "chat" : "npx chat";
}
