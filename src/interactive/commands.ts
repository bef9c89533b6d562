// What a submitted input line means: a message (maybe with its own strategy) or a command.
// Pure; the key and command tables here are the ones /help and the README show.
import { STRATEGIES, STRATEGY_HELP, isStrategy, type Strategy } from "../strategies.js";

export type Command =
  /** `explicit`: /send or /<strategy>, a new message even while the agent waits for an answer. */
  | { kind: "send"; text: string; strategy?: Strategy; explicit?: boolean }
  /** An answer to the open question: a decision word of its schema, or a value (`which`: 1-based). */
  | { kind: "answer"; text: string; word?: string; which?: number }
  | { kind: "continue" }
  | { kind: "hold"; on?: boolean }
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
  ["/answer [#n] <value>", "answer the agent's open question (#n: which, when several are open)"],
  [
    "/approve, /edit",
    "answer a tool-call review (LangChain's human-in-the-loop); to reject, type reject: and the reason; /edit alone puts the args in the input; several actions are decided one at a time, in order",
  ],
  ["/accept, /respond <text>, /ignore", "answer an agent-inbox request"],
  ["/continue", "go on from a breakpoint (Enter on an empty input does too)"],
  ["/send <text>", "send a new message while the agent waits (its question is dropped; asks first)"],
  ["/hold [on/off]", "hold new messages in chat while a run may still ask, until it is answered (toggles)"],
  ["/cancel", "cancel the running run (server-side)"],
  ["/cancel all", "cancel every pending and running run of the thread"],
  ["/retry", "pull the last rejected, failed, interrupted or rolled-back message back into the input"],
  ["/dismiss", "clear rejected and failed messages (and dropped questions) from the queue"],
  ["/new", "start a new thread"],
  ["/thread <id>", "switch to a thread"],
  ["/help", "show this help"],
  ["/quit", "leave (runs already sent keep going on the server)"],
];

export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ["Enter", "send; while the agent waits for an answer, answer it"],
  ["\\ then Enter, or Alt+Enter", "new line in the message"],
  ["↑ / ↓", "walk the input history"],
  ["Tab", "next strategy (reject → interrupt → rollback → enqueue)"],
  ["Esc", "interrupt the running run"],
  ["Ctrl+R", "pull the last rejected, failed, interrupted or rolled-back message back into the input"],
  ["Ctrl+U", "clear the input"],
  ["Ctrl+C", "clear the input; on an empty input, quit (asks once while runs are in flight)"],
];

/** The decision words of the two question schemas agents send (see human-in-the-loop/schemas.ts). */
// Not "reject": /reject <text> sends with that strategy; a rejection is typed as "reject: <why>".
const DECISIONS = ["approve", "edit", "accept", "respond", "ignore"];

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
    return arg
      ? { kind: "send", text: arg, strategy: name, explicit: true }
      : { kind: "hint", text: `type the message after /${name}` };
  }
  if (DECISIONS.includes(name)) return { kind: "answer", text: arg, word: name };
  switch (name) {
    case "send":
      return arg ? { kind: "send", text: arg, explicit: true } : { kind: "hint", text: "type the message after /send" };
    case "answer": {
      const [, which, value = ""] = /^(?:#(\d+)\s+)?([\s\S]*)$/.exec(arg) ?? [];
      if (!value) return { kind: "hint", text: "usage: /answer [#n] <value>" };
      return { kind: "answer", text: value, ...(which ? { which: Number(which) } : {}) };
    }
    case "continue":
      return { kind: "continue" };
    case "hold":
      if (arg === "") return { kind: "hold" };
      if (arg === "on" || arg === "off") return { kind: "hold", on: arg === "on" };
      return { kind: "hint", text: "usage: /hold [on|off]" };
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
  const strategies = STRATEGIES.map((s) => [s, STRATEGY_HELP[s]] as const);
  return `Keys\n${rows(KEY_HELP)}\nCommands\n${rows(COMMAND_HELP)}\nStrategies (what happens to a run in flight when the next message comes)\n${rows(strategies)}`;
}

/** Said when Enter would send a message that drops the open question (Enter again sends it). */
export const DROPS_QUESTION =
  "the agent is waiting for an answer: a new message drops its question. Enter again to send it anyway";
