// `chat`: connect, check, open the thread, then run the scripted face over the engine.
import { Session } from "../engine/session.js";
import type { ExitCode } from "../exit-codes.js";
import { checkAssistant, clearStaleRuns, connect, connectionProblem, openThread } from "../deployment/connect.js";
import { runScripted } from "../scripted.js";
import { fromLines, fromList, readScript } from "../sources.js";
import { themeFor } from "../transcript/colour.js";
import { onInterrupt } from "../signals.js";
import type { ChatFlags } from "../cli.js";

export async function chatCommand(flags: ChatFlags): Promise<ExitCode> {
  // Read what we will send before starting anything, so a bad script costs nothing.
  const messages = flags.message ?? [];
  const scripted = messages.length > 0 || flags.script !== undefined || !process.stdin.isTTY;
  const interactive = !scripted && process.stdout.isTTY === true;
  const source = messages.length
    ? fromList(messages)
    : flags.script !== undefined
      ? fromList(readScript(flags.script))
      : fromLines(process.stdin, scripted ? undefined : () => process.stderr.write("> "));
  const env = process.env.CHAT_URL;
  const url = flags.url ?? (env ? env : undefined);

  const connection = await connect({ url, demoLatencyMs: flags.demoLatency });
  const stopListening = onInterrupt(async () => {
    if (!connection.local) process.stderr.write("chat: runs already sent keep going on the server\n");
    await connection.close();
  });
  try {
    if (flags.verbose && connection.local) {
      process.stderr.write(`chat: local deployment at ${connection.url}, log ${connection.local.logFile}\n`);
    }
    await checkAssistant(connection.client, flags.assistant, connection.label);
    const threadId = await openThread(connection.client, flags.thread, connection.label);
    if (connection.local && flags.thread) await clearStaleRuns(connection.client, threadId);
    const open = (id: string) =>
      Session.open({
        client: connection.client,
        createClient: connection.createClient,
        assistantId: flags.assistant,
        threadId: id,
      }).catch((err: unknown) => {
        throw connectionProblem(err, connection.label);
      });
    const session = await open(threadId);
    if (interactive) {
      // Both ends are a terminal, so a person is there: Ink must draw live frames even when
      // CI variables leaked into the shell (in CI mode it only prints the last frame at exit).
      for (const name of ["CI", "CONTINUOUS_INTEGRATION"]) if (name in process.env) process.env[name] = "0";
      const [{ runInteractive }, { fileHistory }] = await Promise.all([
        import("../ui/run.js"),
        import("../ui/input-history.js"),
      ]);
      return await runInteractive({
        initialSession: session,
        openSession: async (id) => open(await openThread(connection.client, id, connection.label)),
        deployment: connection.label,
        assistant: flags.assistant,
        initialStrategy: flags.strategy,
        history: fileHistory(connection.label),
        theme: (width) => themeFor(process.env, true, width),
        resumeCommand: ["chat", ...(url ? ["--url", url] : []), ...(flags.assistant !== "agent" ? ["--assistant", flags.assistant] : [])].join(" "),
        isLocal: connection.local !== undefined,
      });
    }
    if (!scripted) {
      process.stderr.write(
        `chat: thread ${threadId} on ${connection.label}, strategy ${flags.strategy}. ` +
          "Type a message and press Enter; Ctrl+D to finish.\n",
      );
    }
    const code = await runScripted(session, source, {
      strategy: flags.strategy,
      gapMs: flags.gap,
      json: flags.json === true,
      timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
      theme: themeFor(process.env, process.stdout.isTTY === true),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
    if (!scripted) process.stderr.write(`chat: resume with: chat --thread ${threadId}${url ? ` --url ${url}` : ""}\n`);
    return code;
  } finally {
    stopListening();
    await connection.close();
  }
}
