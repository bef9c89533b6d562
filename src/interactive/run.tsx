// Starts the Ink face over a session and resolves when the user leaves, saying how to resume.
import { render } from "ink";
import type { Session } from "../engine/session.js";
import type { Strategy } from "../strategies.js";
import type { Theme } from "../pretty-print/pretty.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { App } from "./App.js";
import { ChatController, type ExitInfo } from "./controller.js";
import type { InputHistory } from "./input-history.js";

const PASTE_ON = "\x1b[?2004h";
const PASTE_OFF = "\x1b[?2004l";

export interface InteractiveOptions {
  session: Session;
  openSession(threadId?: string): Promise<Session>;
  deployment: string;
  assistant: string;
  strategy: Strategy;
  hold: boolean;
  history: InputHistory;
  theme(width: number): Theme;
  /** The command line that continues this thread, without the thread flag. */
  resumeCommand: string;
  isLocal: boolean;
}

export async function runInteractive(options: InteractiveOptions): Promise<ExitCode> {
  const { resumeCommand, isLocal, deployment, assistant, ...rest } = options;
  const controller = new ChatController({ ...rest, columns: process.stdout.columns });
  const instance = render(<App controller={controller} deployment={deployment} assistant={assistant} />, { exitOnCtrlC: false });
  // Bracketed paste: the terminal marks pasted text, so its line breaks stay in the message.
  process.stdout.write(PASTE_ON);
  try {
    await instance.waitUntilExit();
  } finally {
    process.stdout.write(PASTE_OFF);
  }
  controller.dispose();
  const info = controller.getSnapshot().exit;
  if (info) process.stderr.write(`${goodbye(info, resumeCommand, isLocal).join("\n")}\n`);
  return EXIT.ok;
}

/** The thread, the command that resumes it, and what happens to what is still unfinished. */
function goodbye(info: ExitInfo, resumeCommand: string, isLocal: boolean): string[] {
  const lines = [`thread ${info.threadId}`, `resume with: ${resumeCommand} --thread ${info.threadId}`];
  if (info.unfinished > 0) {
    lines.push(
      isLocal
        ? `${info.unfinished} message(s) not finished: the local deployment stops now; pending runs go on when you resume`
        : `${info.unfinished} message(s) not finished: their runs keep going on the server`,
    );
  }
  return lines;
}
