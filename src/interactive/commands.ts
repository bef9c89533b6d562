// What a submitted input line means: a message (maybe with its own strategy) or a command.
// Pure; the key and command tables here are the ones /help and the README show.
import { STRATEGIES, isStrategy, type Strategy } from "../strategies.js";

export type Command =
  | { kind: "send"; text: string; strategy?: Strategy }
  | { kind: "strategy"; strategy: Strategy }
  | { kind: "cancel"; scope: "running" | "all" }
  | { kind: "new" }
  | { kind: "thread"; threadId: string }
  | { kind: "retry" }
  | { kind: "dismiss" }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "hint"; text: string };

export const COMMAND_HELP: ReadonlyArray<readonly [string, string]> = [
  ["/strategy <name>", `strategy for the next messages (${STRATEGIES.join(", ")})`],
  ["/<strategy> <text>", "send one message with that strategy, e.g. /interrupt look at nyc instead"],
  ["/cancel", "cancel the running run (server-side)"],
  ["/cancel all", "cancel every pending and running run of the thread"],
  ["/retry", "pull the last rejected or failed message back into the input"],
  ["/dismiss", "clear rejected and failed messages from the queue"],
  ["/new", "start a new thread"],
  ["/thread <id>", "switch to a thread"],
  ["/help", "show this help"],
  ["/quit", "leave (runs already sent keep going on the server)"],
];

export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ["Enter", "send"],
  ["\\ then Enter, or Alt+Enter", "new line in the message"],
  ["↑ / ↓", "walk the input history"],
  ["Tab", "next strategy (reject → interrupt → rollback → enqueue)"],
  ["Esc", "interrupt the running run"],
  ["Ctrl+R", "pull the last rejected or failed message back into the input"],
  ["Ctrl+U", "clear the input"],
  ["Ctrl+C", "clear the input; on an empty input, quit"],
];

export function nextStrategy(current: Strategy): Strategy {
  return STRATEGIES[(STRATEGIES.indexOf(current) + 1) % STRATEGIES.length] ?? "enqueue";
}

export function parseInput(line: string): Command | undefined {
  const text = line.trim();
  if (text === "") return undefined;
  if (!text.startsWith("/")) return { kind: "send", text: line.trimEnd() };
  if (text.startsWith("//")) return { kind: "send", text: line.trimEnd().replace(/^\s*\//, "") };
  const [, name = "", rest = ""] = /^\/(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
  const arg = rest.trim();
  if (isStrategy(name)) {
    return arg ? { kind: "send", text: arg, strategy: name } : { kind: "hint", text: `type the message after /${name}` };
  }
  switch (name) {
    case "strategy":
      if (isStrategy(arg)) return { kind: "strategy", strategy: arg };
      return { kind: "hint", text: `usage: /strategy ${STRATEGIES.join("|")}` };
    case "cancel":
      if (arg === "" || arg === "all") return { kind: "cancel", scope: arg === "all" ? "all" : "running" };
      return { kind: "hint", text: "usage: /cancel or /cancel all" };
    case "new":
      return { kind: "new" };
    case "thread":
      return arg ? { kind: "thread", threadId: arg } : { kind: "hint", text: "usage: /thread <thread id>" };
    case "retry":
      return { kind: "retry" };
    case "dismiss":
      return { kind: "dismiss" };
    case "help":
    case "?":
      return { kind: "help" };
    case "quit":
    case "exit":
      return { kind: "quit" };
    default:
      return { kind: "hint", text: `unknown command /${name}: try /help (start with // to send a message beginning with /)` };
  }
}

/** /help: the key and command tables. */
export function helpText(): string {
  const rows = (table: ReadonlyArray<readonly [string, string]>) => table.map(([k, v]) => `  ${k.padEnd(28)} ${v}`).join("\n");
  return `Keys\n${rows(KEY_HELP)}\nCommands\n${rows(COMMAND_HELP)}`;
}
