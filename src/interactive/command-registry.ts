// Every slash command, once: its names, how /help and the README show it, and how its argument
// is read. parseInput, /help, the README's table and the docs test all come from COMMANDS.
import { STRATEGIES, isStrategy, type Strategy } from "../strategies.js";

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

export interface CommandEntry {
  /** What it parses to (besides a hint, when the argument is missing or not understood). */
  readonly kind: Exclude<Command["kind"], "hint">;
  /** Typed after the slash: each one is this command (the first is its name, the rest aliases). */
  readonly names: readonly string[];
  /** How /help and the README write it, and what it does: one row. */
  readonly usage: string;
  readonly help: string;
  /** Other forms with a row of their own in /help (usage, what it does). */
  readonly variants?: ReadonlyArray<readonly [string, string]>;
  /** The trimmed text after the name (and the name typed) to a command, or a hint on how to type it. */
  readonly parse: (arg: string, name: string) => Command;
}

const hint = (text: string): Command => ({ kind: "hint", text });
const bare =
  (command: Command): CommandEntry["parse"] =>
  () =>
    command;

export const COMMANDS: readonly CommandEntry[] = [
  {
    kind: "strategy",
    names: ["strategy"],
    usage: "/strategy <name>",
    help: `strategy for the next messages (${STRATEGIES.join(", ")})`,
    parse: (arg) => (isStrategy(arg) ? { kind: "strategy", strategy: arg } : hint(`usage: /strategy ${STRATEGIES.join("|")}`)),
  },
  {
    kind: "send",
    names: STRATEGIES,
    usage: "/<strategy> <text>",
    help: "send one message with that strategy, e.g. /interrupt look at nyc instead",
    parse: (arg, name) => {
      const strategy = STRATEGIES.find((s) => s === name);
      return arg ? { kind: "send", text: arg, strategy, explicit: true } : hint(`type the message after /${name}`);
    },
  },
  {
    kind: "answer",
    names: ["answer"],
    usage: "/answer [#n] <value>",
    help: "answer the agent's open question (#n: which, when several are open)",
    parse: (arg) => {
      const [, which, value = ""] = /^(?:#(\d+)\s+)?([\s\S]*)$/.exec(arg) ?? [];
      if (!value) return hint("usage: /answer [#n] <value>");
      return { kind: "answer", text: value, ...(which ? { which: Number(which) } : {}) };
    },
  },
  // The decision words of the two question schemas agents send (see human-in-the-loop/schemas.ts).
  // Not "reject": /reject <text> sends with that strategy; a rejection is typed as "reject: <why>".
  {
    kind: "answer",
    names: ["approve", "edit"],
    usage: "/approve, /edit",
    help: "answer a tool-call review (LangChain's human-in-the-loop); to reject, type reject: and the reason; /edit alone puts the args in the input; several actions are decided one at a time, in order",
    parse: (arg, name) => ({ kind: "answer", text: arg, word: name }),
  },
  {
    kind: "answer",
    names: ["accept", "respond", "ignore"],
    usage: "/accept, /respond <text>, /ignore",
    help: "answer an agent-inbox request",
    parse: (arg, name) => ({ kind: "answer", text: arg, word: name }),
  },
  {
    kind: "continue",
    names: ["continue"],
    usage: "/continue",
    help: "go on from a breakpoint (Enter on an empty input does too)",
    parse: bare({ kind: "continue" }),
  },
  {
    kind: "send",
    names: ["send"],
    usage: "/send <text>",
    help: "send a new message while the agent waits (its question is dropped; asks first)",
    parse: (arg) => (arg ? { kind: "send", text: arg, explicit: true } : hint("type the message after /send")),
  },
  {
    kind: "hold",
    names: ["hold"],
    usage: "/hold [on/off]",
    help: "hold new messages in chat while a run may still ask, until it is answered (toggles)",
    parse: (arg) => {
      if (arg === "") return { kind: "hold" };
      if (arg === "on" || arg === "off") return { kind: "hold", on: arg === "on" };
      return hint("usage: /hold [on|off]");
    },
  },
  {
    kind: "cancel",
    names: ["cancel"],
    usage: "/cancel",
    help: "cancel the running run (server-side)",
    variants: [["/cancel all", "cancel every pending and running run of the thread"]],
    parse: (arg) =>
      arg === "" || arg === "all"
        ? { kind: "cancel", scope: arg === "all" ? "all" : "running" }
        : hint("usage: /cancel or /cancel all"),
  },
  {
    kind: "retry",
    names: ["retry"],
    usage: "/retry",
    help: "pull the last rejected, failed, interrupted or rolled-back message back into the input",
    parse: bare({ kind: "retry" }),
  },
  {
    kind: "dismiss",
    names: ["dismiss"],
    usage: "/dismiss",
    help: "clear rejected and failed messages (and dropped questions) from the queue",
    parse: bare({ kind: "dismiss" }),
  },
  { kind: "new", names: ["new"], usage: "/new", help: "start a new thread", parse: bare({ kind: "new" }) },
  {
    kind: "thread",
    names: ["thread"],
    usage: "/thread <id>",
    help: "switch to a thread",
    parse: (arg) => (arg ? { kind: "thread", threadId: arg } : hint("usage: /thread <thread id>")),
  },
  { kind: "help", names: ["help", "?"], usage: "/help", help: "show this help", parse: bare({ kind: "help" }) },
  {
    kind: "quit",
    names: ["quit", "exit"],
    usage: "/quit",
    help: "leave (runs already sent keep going on the server)",
    parse: bare({ kind: "quit" }),
  },
];

const byName = new Map(COMMANDS.flatMap((entry) => entry.names.map((name) => [name, entry] as const)));

/** The entry typed as /<name>, if there is one. */
export function commandNamed(name: string): CommandEntry | undefined {
  return byName.get(name);
}

/** /help's and the README's rows: each entry's usage and what it does, then its variants. */
export const COMMAND_HELP: ReadonlyArray<readonly [string, string]> = COMMANDS.flatMap((entry) => [
  [entry.usage, entry.help] as const,
  ...(entry.variants ?? []),
]);
