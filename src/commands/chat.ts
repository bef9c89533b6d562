// `chat`: choose the face, connect, open the thread, then hand its session to that face (the Ink UI
// at a terminal, the scripted face otherwise). Only choosing and wiring happen here.
import type { ExitCode } from "../exit-codes.js";
import { UsageError } from "../errors.js";
import { connect, type Connection } from "../deployment/connect.js";
import { recentThreadIds, recentThreads } from "../deployment/recent-threads.js";
import type { Session } from "../engine/session.js";
import type * as RunModule from "../interactive/run.js";
import type * as HistoryModule from "../interactive/input-history.js";
import { ANY_ASSISTANT, lastThread } from "../settings/last-thread.js";
import { fromLines, fromList, givenInputs, readScript, type GivenInput } from "../scripted/sources.js";
import { faceSpeaksOnSignal, onInterrupt, sayOnSignal } from "../signals.js";
import { drawLiveEvenInCi } from "../interactive/terminal.js";
import { holdEarlyKeys, type EarlyKeys } from "../interactive/early-keys.js";
import { firstFrameLines, showFirstFrame, type FirstFrame } from "../interactive/first-frame.js";
import { parseDeploymentUrl } from "../settings/url.js";
import { deploymentName, resolveTarget, type Target, type TargetFlags } from "./target.js";
import { LostRuns } from "./lost-runs.js";
import { describeRunOptions } from "../settings/run-options.js";
import { neutralise } from "../sanitize.js";
import { openFirst, type Core } from "./open-session.js";
import { resumeCommand } from "./hints.js";

/** The flags of `chat` itself, as cli.ts defines them. */
export interface ChatFlags extends TargetFlags {
  message?: string[];
  input?: string[];
  script?: string;
  thread?: string;
  fork?: string;
  answer?: string[];
  continue?: boolean;
  resume?: boolean;
  gap: number;
  json?: boolean;
  timeout?: number;
  reconnect?: number;
  verbose?: boolean;
}

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
  if (flags.fork !== undefined && !flags.thread && !flags.resume)
    throw new UsageError("--fork needs the thread it forks: give --thread (chat history --thread <id> lists its checkpoints)");
  if (!flags.resume) return flags.thread;
  // Without --assistant, the last thread of any assistant: it is continued with its own.
  // (A file written before threads were also remembered per deployment has only the per-assistant key.)
  const where = deploymentName(target);
  const remembered = target.assistantFrom
    ? lastThread(where, target.assistant)
    : (lastThread(where, ANY_ASSISTANT) ?? lastThread(where, target.assistant));
  if (!remembered) {
    const which = target.assistantFrom ? ` and assistant ${target.assistant}` : "";
    throw new UsageError(`no earlier thread with ${deploymentName(target)}${which} to resume`);
  }
  return remembered;
}

export async function chatCommand(flags: ChatFlags): Promise<ExitCode> {
  // Check everything we can before starting anything, so a bad flag or script costs nothing.
  const target = resolveTarget(flags);
  const face = chooseFace(flags);
  const threadFlag = threadToContinue(flags, target);
  if (face.interactive && flags.fork !== undefined)
    throw new UsageError("--fork forks with the first message given (-m, --script or stdin); in the chat, /rewind #n does it");
  if (face.interactive) drawLiveEvenInCi();
  // Raw mode first, so that no key typed from here on is echoed; Ctrl+C ends chat at once, as it
  // would without the frame, which goes first.
  let frame: FirstFrame | undefined;
  const early = face.interactive ? holdEarlyKeys(process.stdin, () => frame?.clear()) : undefined;
  if (face.interactive) frame = drawFirstFrame(target, threadFlag);
  try {
    return await startAndChat(flags, target, face, threadFlag, { early, frame });
  } catch (err) {
    frame?.clear();
    const typed = early?.restore() ?? "";
    if (typed.trim()) process.stderr.write(`chat: not sent (typed while chat started): ${neutralise(JSON.stringify(typed))}\n`);
    throw err;
  }
}

/**
 * The prompt and status bar at once, before the UI is loaded: what the UI draws first, but still
 * connecting (and, continuing a thread without --assistant, its assistant not yet known).
 */
function drawFirstFrame(target: Target, thread: string | undefined): FirstFrame {
  const bar = {
    deployment: target.url ? parseDeploymentUrl(target.url) : deploymentName(target),
    assistant: thread && !target.assistantFrom ? "…" : target.assistant,
    threadId: thread ?? "new",
    strategy: target.strategy,
    connection: "connecting" as const,
    hold: target.hold,
    runSettings: describeRunOptions(target.runOptions),
  };
  return showFirstFrame((columns) => firstFrameLines(bar, columns), process.stdout, process.stderr);
}

/** What the interactive face holds while chat starts: the keys typed, and the first frame. */
interface Starting {
  early: EarlyKeys | undefined;
  frame: FirstFrame | undefined;
}

async function startAndChat(
  flags: ChatFlags,
  target: Target,
  face: ReturnType<typeof chooseFace>,
  threadFlag: string | undefined,
  starting: Starting,
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
    // Once a face is up, its own last words list the runs that keep going: said once, not twice.
    if (!connection.local && !faceSpeaksOnSignal()) process.stderr.write("chat: runs already sent keep going on the server\n");
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
    if (ui) return await interactiveFace(await ui, starting, opened, connection, target);
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
  { early, frame }: Starting,
  { session, open, lost, themeFor }: Opened,
  connection: Connection,
  target: Target,
): Promise<ExitCode> {
  early?.release();
  return runInteractive({
    session,
    beforeFirstFrame: () => frame?.clear(),
    openSession: open,
    deployment: connection.label,
    strategy: target.strategy,
    hold: target.hold,
    history: fileHistory(connection.label),
    theme: (width) => themeFor(process.env, true, width),
    // Loaded when first used: most chats never export.
    exportThread: async (...args) => (await import("./export.js")).threadExporter(connection.client, connection.label)(...args),
    resumeCommand: resumeCommand(target),
    isLocal: connection.local !== undefined,
    lost,
    runSettings: describeRunOptions(target.runOptions),
    recentThreads: {
      ids: () => recentThreadIds(connection.client, connection.label),
      rows: () => recentThreads(connection.client, connection.label, 20),
    },
  });
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
  const { hasCheckpoint } = await import("../engine/fork-points.js");
  if (flags.fork !== undefined && !(await hasCheckpoint(connection.client, session.threadId, flags.fork)))
    throw new UsageError(
      `thread ${neutralise(session.threadId)} has no checkpoint ${neutralise(flags.fork)} (chat history --thread ${neutralise(session.threadId)} lists them)`,
    );
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
    fork: flags.fork,
    theme: themeFor(process.env, process.stdout.isTTY === true),
    local,
    command: resumeCommand(target),
    sayOnSignal,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  if (!face.scripted)
    process.stderr.write(`chat: resume with: ${neutralise(resumeCommand(target))} --thread ${neutralise(session.threadId)}\n`);
  return code;
}
