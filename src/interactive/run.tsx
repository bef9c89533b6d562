// Starts the Ink face over a session and resolves when the user leaves, saying how to resume.
import { render } from "ink";
import { App, type AppProps, type ExitInfo } from "./App.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

export type InteractiveOptions = Omit<AppProps, "onExit"> & {
  /** The command line that continues this thread, without the thread flag. */
  resumeCommand: string;
  isLocal: boolean;
};

export async function runInteractive(options: InteractiveOptions): Promise<ExitCode> {
  const { resumeCommand, isLocal, ...appProps } = options;
  let info: ExitInfo | undefined;
  const instance = render(<App {...appProps} onExit={(i) => (info = i)} />, { exitOnCtrlC: false });
  await instance.waitUntilExit();
  if (info) {
    const lines = [`thread ${info.threadId}`, `resume with: ${resumeCommand} --thread ${info.threadId}`];
    if (info.unfinished > 0) {
      lines.push(
        isLocal
          ? `${info.unfinished} message(s) not finished: the local deployment stops now; pending runs go on when you resume`
          : `${info.unfinished} message(s) not finished: their runs keep going on the server`,
      );
    }
    process.stderr.write(`${lines.join("\n")}\n`);
  }
  return EXIT.ok;
}
