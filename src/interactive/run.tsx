// Starts the Ink face over a session and resolves when the user leaves, saying how to resume.
import { render } from "ink";
import type { Session } from "../engine/session.js";
import type { Strategy } from "../strategies.js";
import type { Theme } from "../pretty-print/pretty.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { App } from "./App.js";
import { ChatController, type ExitInfo } from "./controller.js";
import type { OutgoingMessage } from "../engine/types.js";
import { isInFlight } from "../engine/status.js";
import { neutralise, oneLine } from "../sanitize.js";
import type { InputHistory } from "./input-history.js";
import type { RecentThreads } from "./thread-list.js";
import { sayOnSignal } from "../signals.js";

const PASTE_ON = "\x1b[?2004h";
const PASTE_OFF = "\x1b[?2004l";

export interface InteractiveOptions {
  session: Session;
  /** Called just before the UI draws its first frame (the one drawn before it was loaded goes). */
  beforeFirstFrame?(): void;
  openSession(threadId?: string, assistant?: string): Promise<Session>;
  deployment: string;
  strategy: Strategy;
  hold: boolean;
  history: InputHistory;
  theme(width: number): Theme;
  exportThread?(threadId: string, file: string, replace: boolean): Promise<string>;
  /** The command line that continues this thread, without the thread flag. */
  resumeCommand: string;
  isLocal: boolean;
  /** config / context every run is sent with, for the status bar. */
  runSettings?: string;
  /** The deployment's recent threads, for /threads and the status bar. */
  recentThreads?: RecentThreads;
  /** Resolves with a sentence if the deployment goes away for good (the local one exited). */
  lost?: Promise<{ why: string; detail: string }>;
}

export async function runInteractive(options: InteractiveOptions): Promise<ExitCode> {
  const { resumeCommand, isLocal, deployment, lost, runSettings, beforeFirstFrame, ...rest } = options;
  const controller = new ChatController({ ...rest, columns: process.stdout.columns });
  void lost?.then(({ why, detail }) => controller.lost(why, detail));
  const app = <App controller={controller} deployment={deployment} runSettings={runSettings} />;
  beforeFirstFrame?.();
  const instance = render(app, { exitOnCtrlC: false });
  // Bracketed paste: the terminal marks pasted text, so its line breaks stay in the message.
  process.stdout.write(PASTE_ON);
  // Ended by a signal (SIGTERM, SIGHUP, a SIGINT from outside): the UI goes as at /quit, and the
  // goodbye says what is unfinished and what was still in the input, before chat exits.
  const unsay = sayOnSignal(() => {
    // The draft is kept first: after a SIGHUP there may be no terminal left to write to.
    const lines = signalled(controller, options.history, resumeCommand, isLocal);
    instance.unmount();
    process.stdout.write(PASTE_OFF);
    process.stderr.write(`${lines.join("\n")}\n`);
  });
  try {
    await instance.waitUntilExit();
  } finally {
    unsay();
    process.stdout.write(PASTE_OFF);
  }
  const info = controller.getSnapshot().exit;
  const unfinished = controller.unfinished();
  // The local deployment stops with chat: a run cut off then would lose its message without a
  // word, so runs still in flight are cancelled now, and each is named below.
  if (isLocal && unfinished.some((m) => isInFlight(m.status))) {
    controller.run({ kind: "cancel", scope: "all" });
    await Promise.race([controller.settled(), new Promise((r) => setTimeout(r, 3000))]);
  }
  controller.dispose();
  if (info) process.stderr.write(`${goodbye(info, unfinished, resumeCommand, isLocal).join("\n")}\n`);
  return EXIT.ok;
}

/** The goodbye when a signal ends the UI: the input's text, not sent, is kept in the input history. */
function signalled(controller: ChatController, history: InputHistory, resumeCommand: string, isLocal: boolean): string[] {
  const { threadId, input } = controller.getSnapshot();
  const unfinished = controller.unfinished();
  const lines = goodbye({ threadId, unfinished: unfinished.length }, unfinished, resumeCommand, isLocal);
  if (input.value.trim() === "") return lines;
  history.add(input.value);
  return [
    ...lines,
    `not sent (it was in the input; ↑ in the input history brings it back): ${oneLine(neutralise(JSON.stringify(input.value)), 100)}`,
  ];
}

/** The thread, the command that resumes it, and what became of each message still unfinished. */
export function goodbye(
  info: ExitInfo,
  unfinished: readonly OutgoingMessage[],
  resumeCommand: string,
  isLocal: boolean,
): string[] {
  // The thread id came from the server: shown neutralised, like all its text.
  const thread = neutralise(info.threadId);
  const lines = [`thread ${thread}`, `resume with: ${neutralise(resumeCommand)} --thread ${thread}`];
  const held = unfinished.filter((m) => m.status === "held");
  const sent = unfinished.filter((m) => isInFlight(m.status));
  const unknown = unfinished.filter((m) => m.status === "unknown");
  const list = (ms: readonly OutgoingMessage[]) =>
    ms.map((m) => `  #${m.index + 1} ${oneLine(neutralise(JSON.stringify(m.text)), 100)}`);
  if (sent.length) {
    lines.push(
      isLocal
        ? `${sent.length} message(s) cancelled: the local deployment stops with chat:`
        : `${sent.length} message(s) not finished: their runs keep going on the server:`,
      ...list(sent),
    );
  }
  if (isLocal && sent.length) lines.push("(↑ in the input history brings them back)");
  if (unknown.length) {
    const where = isLocal ? "when the local deployment next starts" : "on the server";
    lines.push(
      `${unknown.length} message(s) of unknown fate: contact was lost, and they may still run ${where}:`,
      ...list(unknown),
    );
  }
  if (held.length)
    lines.push(`${held.length} message(s) held and never sent (↑ in the input history brings them back):`, ...list(held));
  return lines;
}
