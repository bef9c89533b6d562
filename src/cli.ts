// The commander program: parse, pick a command, and turn errors into one line and an exit code.
// Nothing below this file calls process.exit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { packageRoot } from "./settings/paths.js";
import { keepPrivate } from "./settings/private.js";
import { EXIT, EXIT_HELP, type ExitCode } from "./exit-codes.js";
import { UserFacingError, errorMessage } from "./errors.js";
import { STRATEGIES, STRATEGY_HELP } from "./strategies.js";
import { neutralise } from "./sanitize.js";
import type { ListFlags } from "./commands/listing.js";
import type { TargetFlags } from "./commands/target.js";
import type { ChatFlags } from "./commands/chat.js";
import type { DemoFlags } from "./commands/demo.js";
import type { ServeFlags } from "./commands/serve.js";
import type { PrintFlags } from "./commands/print.js";
import { FORMATS } from "./commands/formats.js";

function numberArg(what: string, min = 0) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < min)
      throw new InvalidArgumentError(`${what} must be a number >= ${min}.`);
    return n;
  };
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function helpFooter(): string {
  const strategies = STRATEGIES.map((s) => `  ${s.padEnd(10)} ${STRATEGY_HELP[s]}`).join("\n");
  const codes = EXIT_HELP.map(([code, text]) => `  ${code}  ${text}`).join("\n");
  return `
With no --url (and no url setting), chat starts a local LangGraph server (the official
LangGraph.js API server) on 127.0.0.1 with a demo weather agent as assistant "agent"; it
stops when chat exits. With --project it serves your own graphs from langgraph.json instead.
At a terminal chat opens the interactive UI (/help inside).

Settings: flag > environment (CHAT_URL, CHAT_ASSISTANT, CHAT_STRATEGY, LANGGRAPH_API_KEY /
LANGSMITH_API_KEY / LANGCHAIN_API_KEY, CHAT_DEMO_LATENCY_MS, CHAT_RUN_CONFIG, CHAT_RUN_CONTEXT)
> saved (chat config) > default.

Strategies (what happens to a run in flight when the next message arrives):
${strategies}

Scripted mode (-m, --script, or stdin not a terminal): stdout carries only the transcript,
each run's new messages as it finishes, in queue order; status goes to stderr.

Exit codes:
${codes}

Examples:
  chat -m "what's the weather in sf?" -m "what's the weather in nyc?"
  chat --strategy interrupt -m "weather in sf?" -m "actually, nyc"
  printf 'hi\\nthere\\n' | chat --url http://127.0.0.1:2024 --json
  chat --project ./my-agent -m "hello"
  chat config set url https://my-deployment.example.com`;
}

/** Which deployment: options every command that reads one shares. */
function deploymentOptions(command: Command): Command {
  return command
    .option("--url <url>", "LangGraph deployment URL (default: the url setting, else the built-in local one)")
    .option("--local", "use the built-in local deployment even when a url is set")
    .option("--project <path>", "serve your own LangGraph.js project (a directory or its langgraph.json) locally");
}

/** Options every command that talks to a deployment shares. */
function targetOptions(command: Command): Command {
  return deploymentOptions(command)
    .option("--assistant <id>", 'assistant id or graph id (default: "agent", or the project\'s only graph)')
    .option("--demo-latency <ms>", "local demo agent: wait per step in ms (default 1000)");
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

type Runner = (action: () => Promise<ExitCode>) => Promise<void>;
const out = (text: string) => void process.stdout.write(text);

export function buildProgram(run: Runner): Command {
  const program = targetOptions(
    new Command("chat")
      .description("Chat with a LangGraph deployment and keep typing while runs are in flight (double-texting).")
      .version(version(), "-V, --version"),
  )
    .option("-m, --message <text>", "send a message (repeat for more; sent without waiting)", collect)
    .option("--input <json>", "send this JSON object (or @file) as a run's whole input (repeat for more; after any -m)", collect)
    .option("--script <file>", "send each line of a file (blank lines and # comments skipped)")
    .addOption(new Option("--strategy <name>", 'multitask strategy (default: "enqueue")').choices(STRATEGIES))
    .option("--thread <id>", "continue this thread: its id, or any unique start or end of a recent one's (default: a new thread)")
    .option(
      "--fork <checkpoint>",
      "the first message forks --thread from this checkpoint (see chat history): it replaces what followed",
    )
    .option(
      "--answer <value>",
      "answer the next question the agent asks (repeat for more; JSON if it parses); a review of several tool calls takes one per call, in order, or one for all",
      collect,
    )
    .option("--continue", "go on from breakpoints the graph pauses at")
    .option("--config <json|@file>", "every run's config.configurable: a JSON object, or @file with one")
    .option("--context <json|@file>", "every run's context (LangGraph.js 0.4+ runtime context): a JSON object, or @file")
    .option("--hold", "hold new messages in chat while a run may still ask, until it is answered")
    .option("--resume", "continue the last thread used with this deployment and assistant")
    .option("--gap <ms>", "pause between sends in ms (0 = true double-texting)", numberArg("--gap"), 0)
    .option("--json", "print NDJSON events on stdout instead of the transcript")
    .option(
      "--timeout <seconds>",
      "stop waiting after this long (runs sent to a remote deployment keep going there)",
      numberArg("--timeout", 0.001),
    )
    .option(
      "--reconnect <seconds>",
      "how long to keep reconnecting to a deployment that stops answering; then runs in flight are unknown (default 60)",
      numberArg("--reconnect", 0),
    )
    .option("--verbose", "say where the local server logs, show stack traces")
    .addHelpText("after", helpFooter())
    .showHelpAfterError("(run chat --help for usage)")
    .enablePositionalOptions()
    .exitOverride()
    .action((flags: ChatFlags) => run(async () => (await import("./commands/chat.js")).chatCommand(flags)));

  program
    .command("serve")
    .description("run the built-in local deployment in the foreground and print its URL")
    .option("--port <n>", "port to listen on (0 = any free port)", numberArg("--port"), 2024)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--demo-latency <ms>", "demo agent wait per step", numberArg("--demo-latency"))
    .option("--reset", "delete the deployment's threads, runs and checkpoints first (refused while a chat uses them)")
    .option("--project <path>", "serve your own LangGraph.js project (a directory or its langgraph.json) instead")
    .option("--new-key", "make a new key (the old one stops working) instead of the one kept in the data dir")
    .option(
      "--allow-origin <origin>",
      "let this web origin call it from a browser, e.g. LangGraph Studio's (repeat for more)",
      collect,
    )
    .option("--open", "take no key: anyone who can reach the port can read its threads and run its agents")
    .addHelpText(
      "after",
      "\nEvery request needs the key it prints (header x-api-key, or LANGGRAPH_API_KEY for chat --url),\n" +
        "must name 127.0.0.1 or localhost as Host (when it listens there), and may come only from its own or an allowed web origin.",
    )
    .exitOverride()
    .action((flags: ServeFlags) => run(async () => (await import("./commands/serve.js")).serveCommand(flags)));

  program
    .command("config")
    .description("saved settings: set <key> <value> | get <key> | unset <key> | list | path")
    .argument("<action>", "set, get, unset, list or path")
    .argument("[args...]", "the key, and for set the value (- reads it from stdin)")
    .option("--json", "list as JSON")
    .addHelpText("after", "\nKeys: url, assistant, strategy, hold, apiKey (shown masked), demoLatency, config, context.")
    .exitOverride()
    .action((action: string, args: string[], flags: { json?: boolean }) =>
      run(async () => (await import("./commands/config.js")).configCommand(action, args, flags.json === true, out)),
    );

  targetOptions(program.command("demo"))
    .description("show what each strategy does: the same double-text once per strategy, side by side")
    .option("--strategies <list>", `comma-separated subset of ${STRATEGIES.join(",")}`)
    .option(
      "--after <ms>",
      "send the second message this long after the first (default: after its tool call)",
      numberArg("--after"),
    )
    .option("--json", "print the observed timelines and outcomes as JSON")
    .exitOverride()
    .action((flags: DemoFlags) => run(async () => (await import("./commands/demo.js")).demoCommand(flags)));

  deploymentOptions(program.command("print"))
    .description(
      "print messages as pretty_print() does: a deployment's thread, or JSON (a list of message dicts or a thread state)",
    )
    .argument("[file]", "the JSON file (default, or -: stdin)")
    .option("--thread <id>", "print this thread of the deployment (--url, else the built-in local one), as the transcript does")
    .addOption(
      new Option("--format <format>", "text: the transcript; markdown: one section per message").choices(FORMATS).default("text"),
    )
    .addHelpText(
      "after",
      "\nExamples:\n  chat print --thread $THREAD            # a thread of the deployment\n" +
        "  chat print --thread $THREAD --format markdown > thread.md\n" +
        "  curl -s $URL/threads/$THREAD/state | chat print",
    )
    .exitOverride()
    .action((file: string | undefined, flags: PrintFlags) =>
      run(async () => {
        const [{ printCommand }, { themeFor }] = await Promise.all([
          import("./commands/print.js"),
          import("./pretty-print/colour.js"),
        ]);
        return printCommand(file, flags, themeFor(process.env, process.stdout.isTTY === true), out);
      }),
    );

  targetOptions(program.command("history"))
    .description(
      "list a thread's runs, each with the checkpoint before it: --fork <checkpoint> replaces that run and all after it",
    )
    .requiredOption("--thread <id>", "the thread")
    .option("--json", "print JSON")
    .exitOverride()
    .action((flags: TargetFlags & { thread: string; json?: boolean }) =>
      run(async () => (await import("./commands/history.js")).historyCommand(flags, out)),
    );

  const listing = () => import("./commands/listing.js");
  targetOptions(program.command("threads"))
    .description("list recent threads of the deployment (or the one whose id starts or ends with <id>)")
    .argument("[id]", "a thread id, or any unique start or end of a recent one's")
    .option("--limit <n>", "how many to list", numberArg("--limit", 1), 20)
    .option("--json", "print JSON")
    .exitOverride()
    .action((id: string | undefined, flags: ListFlags) =>
      run(async () => (await listing()).listCommand("threads", flags, out, id)),
    );
  targetOptions(program.command("assistants"))
    .description("list the deployment's assistants")
    .option("--limit <n>", "how many to list", numberArg("--limit", 1), 20)
    .option("--json", "print JSON")
    .exitOverride()
    .action((flags: ListFlags) => run(async () => (await listing()).listCommand("assistants", flags, out)));
  return program;
}

async function main(argv: string[]): Promise<ExitCode> {
  // chalk (inside Ink) honours FORCE_COLOR but not NO_COLOR; set it before either loads.
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = "0";
  keepPrivate();
  // A reader that goes away (chat ... | head) ends us quietly, not with a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(EXIT.ok);
    throw err;
  });
  let code: ExitCode = EXIT.ok;
  const verbose = argv.includes("--verbose");
  const program = buildProgram(async (action) => {
    try {
      code = await action();
    } catch (err) {
      process.stderr.write(`chat: ${neutralise(errorMessage(err))}\n`);
      // A stack's message can hold a server's text: every byte that reaches the terminal is neutralised.
      if (verbose && err instanceof Error && err.stack) process.stderr.write(`${neutralise(err.stack)}\n`);
      else if (!(err instanceof UserFacingError)) process.stderr.write("chat: (run with --verbose for details)\n");
      code = err instanceof UserFacingError ? err.exitCode : EXIT.runFailed;
    }
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      const ok = err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0;
      return ok ? EXIT.ok : EXIT.usage;
    }
    throw err;
  }
  return code;
}

const code = await main(process.argv);
// Exit once output is flushed, without waiting for idle keep-alive sockets to time out.
process.stdout.write("", () => process.exit(code));
