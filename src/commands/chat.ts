// `chat`: resolve settings, connect, check, open the thread, then hand the session to a face
// (the Ink UI at a terminal, the scripted face otherwise).
import type { ExitCode } from "../exit-codes.js";
import { UsageError } from "../errors.js";
import { connect, connectionProblem, openThread, probe } from "../deployment/connect.js";
import { lastThread, rememberThread } from "../settings/last-thread.js";
import { fromLines, fromList, readScript } from "../scripted/sources.js";
import { onInterrupt } from "../signals.js";
import { drawLiveEvenInCi } from "../interactive/terminal.js";
import type { ChatFlags } from "../cli.js";
import { resolveTarget } from "./target.js";

export async function chatCommand(flags: ChatFlags): Promise<ExitCode> {
  // Check everything we can before starting anything, so a bad flag or script costs nothing.
  const target = resolveTarget(flags);
  if (flags.resume && flags.thread) throw new UsageError("--resume and --thread cannot be used together");
  const messages = flags.message ?? [];
  const scripted = messages.length > 0 || flags.script !== undefined || !process.stdin.isTTY;
  const interactive = !scripted && process.stdout.isTTY === true;
  if (interactive) drawLiveEvenInCi();
  // Load the UI while the network checks run.
  const ui = interactive ? Promise.all([import("../interactive/run.js"), import("../interactive/input-history.js")]) : undefined;
  ui?.catch(() => undefined);
  const source = messages.length
    ? fromList(messages)
    : flags.script !== undefined
      ? fromList(readScript(flags.script))
      : fromLines(process.stdin, scripted ? undefined : () => process.stderr.write("> "));
  const deploymentKey = target.url ?? "local";
  const remembering: Array<Promise<void>> = [];
  let threadFlag = flags.thread;
  if (flags.resume) {
    threadFlag = lastThread(deploymentKey, target.assistant);
    if (!threadFlag) throw new UsageError(`no earlier thread with ${deploymentKey} and assistant ${target.assistant} to resume`);
  }

  const connection = await connect({ url: target.url, apiKey: target.apiKey, demoLatencyMs: target.demoLatencyMs });
  const stopListening = onInterrupt(async () => {
    if (!connection.local) process.stderr.write("chat: runs already sent keep going on the server\n");
    await connection.close();
  });
  try {
    if (flags.verbose && connection.local) {
      process.stderr.write(`chat: local deployment at ${connection.url}, log ${connection.local.logFile}\n`);
    }
    // The first request goes out before the rest of chat is loaded; both proceed together.
    const probing = probe(connection.client, connection.label, target.assistant);
    probing.catch(() => undefined);
    const [{ Session }, { runScripted }, { themeFor }] = await Promise.all([
      import("../engine/session.js"),
      import("../scripted/scripted.js"),
      import("../pretty-print/colour.js"),
    ]);
    await probing;
    const threadId = await openThread(connection.client, threadFlag, connection.label);
    const open = async (id: string, fresh = false) => {
      const session = await Session.open({
        client: connection.client,
        createClient: connection.createClient,
        assistantId: target.assistant,
        threadId: id,
        fresh,
      }).catch((err: unknown) => {
        throw connectionProblem(err, connection.label);
      });
      remembering.push(rememberThread(deploymentKey, target.assistant, id));
      return session;
    };
    const session = await open(threadId, threadFlag === undefined);
    if (ui) {
      const [{ runInteractive }, { fileHistory }] = await ui;
      return await runInteractive({
        session,
        openSession: async (id) => open(await openThread(connection.client, id, connection.label), id === undefined),
        deployment: connection.label,
        assistant: target.assistant,
        strategy: target.strategy,
        history: fileHistory(connection.label),
        theme: (width) => themeFor(process.env, true, width),
        resumeCommand: resumeCommand(target.url, target.assistant),
        isLocal: connection.local !== undefined,
      });
    }
    if (!scripted) {
      process.stderr.write(
        `chat: thread ${threadId} on ${connection.label}, strategy ${target.strategy}. ` +
          "Type a message and press Enter; Ctrl+D to finish.\n",
      );
    }
    const code = await runScripted(session, source, {
      strategy: target.strategy,
      gapMs: flags.gap,
      json: flags.json === true,
      timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
      theme: themeFor(process.env, process.stdout.isTTY === true),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
    if (!scripted) process.stderr.write(`chat: resume with: ${resumeCommand(target.url, target.assistant)} --thread ${threadId}\n`);
    return code;
  } finally {
    stopListening();
    await Promise.all([connection.close(), ...remembering]);
  }
}

/** The command that comes back to this deployment and assistant, whatever the settings say then. */
function resumeCommand(url: string | undefined, assistant: string): string {
  return ["chat", ...(url ? ["--url", url] : ["--local"]), ...(assistant !== "agent" ? ["--assistant", assistant] : [])].join(" ");
}
