// Every slash command, once: its names, how /help and the README show it, how its argument is
// read and when it may go. parseInput, /help, the controller's gate, the README's table and the
// docs test all come from COMMANDS.
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
  /** `threadId`: an id, or any unique start or end of a recent thread's; `pick`: the n-th of the last /threads list. */
  | { kind: "thread"; threadId: string }
  | { kind: "thread"; pick: number }
  | { kind: "threads" }
  | { kind: "retry" }
  /** Take a message back before it runs: `unsend` into the input, `drop` gone; no `index`: the newest that can be. */
  | { kind: "withdraw"; how: "unsend" | "drop"; index?: number }
  /** The next message forks the thread from before message `index`'s run; none: the rewind is called off. */
  | { kind: "rewind"; index?: number }
  | { kind: "dismiss" }
  /** `replace`: typed as /export!, it may write over an existing file. */
  | { kind: "export"; file: string; replace: boolean }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "hint"; text: string };

/** When a command may go: with the agent's question open, with hold on, with no thread open. */
export interface Availability {
  /**
   * While the agent waits for an answer: "yes"; "only" (refused while none is open); "asks" (it
   * drops the question: refused once, the same text again goes); "answers" (it is the answer).
   */
  readonly question: "yes" | "only" | "asks" | "answers";
  /** With hold on: "yes" (hold is not about it); its message "waits" in chat while a run may still ask, or "goes" at once. */
  readonly held: "yes" | "waits" | "goes";
  /** Usable with no thread open (chat opens one before the UI starts, so none is today). */
  readonly noThread: boolean;
}

export const ANYTIME: Availability = { question: "yes", held: "yes", noThread: true };
const anytime = ANYTIME;
const onThread: Availability = { ...anytime, noThread: false };
const answering: Availability = { ...onThread, question: "only" };
const sending: Availability = { question: "asks", held: "goes", noThread: false };
/** A line that is no command: with a question open it is the answer; with hold on it waits. */
export const MESSAGE: Availability = { question: "answers", held: "waits", noThread: false };

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
  readonly when: Availability;
}

const hint = (text: string): Command => ({ kind: "hint", text });
const bare =
  (command: Command): CommandEntry["parse"] =>
  () =>
    command;

/** `#3` or `3`: message #3 (its index 2). */
const numbered =
  (how: "unsend" | "drop"): CommandEntry["parse"] =>
  (arg) => {
    const n = /^#?(\d{1,9})$/.exec(arg)?.[1];
    if (n === undefined || Number(n) < 1) return hint(`usage: /${how} #n (the message's number, as the queue shows it)`);
    return { kind: "withdraw", how, index: Number(n) - 1 };
  };

export const COMMANDS: readonly CommandEntry[] = [
  {
    kind: "strategy",
    when: anytime,
    names: ["strategy"],
    usage: "/strategy <name>",
    help: `strategy for the next messages (${STRATEGIES.join(", ")})`,
    parse: (arg) => (isStrategy(arg) ? { kind: "strategy", strategy: arg } : hint(`usage: /strategy ${STRATEGIES.join("|")}`)),
  },
  {
    kind: "send",
    when: sending,
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
    when: answering,
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
    when: answering,
    names: ["approve", "edit"],
    usage: "/approve, /edit",
    help: "answer a tool-call review (LangChain's human-in-the-loop); to reject, type reject: and the reason; /edit alone puts the args in the input; several actions are decided one at a time, in order",
    parse: (arg, name) => ({ kind: "answer", text: arg, word: name }),
  },
  {
    kind: "answer",
    when: answering,
    names: ["accept", "respond", "ignore"],
    usage: "/accept, /respond <text>, /ignore",
    help: "answer an agent-inbox request",
    parse: (arg, name) => ({ kind: "answer", text: arg, word: name }),
  },
  {
    kind: "continue",
    when: answering,
    names: ["continue"],
    usage: "/continue",
    help: "go on from a breakpoint (Enter on an empty input does too)",
    parse: bare({ kind: "continue" }),
  },
  {
    kind: "send",
    when: sending,
    names: ["send"],
    usage: "/send <text>",
    help: "send a new message while the agent waits (its question is dropped; asks first)",
    parse: (arg) => (arg ? { kind: "send", text: arg, explicit: true } : hint("type the message after /send")),
  },
  {
    kind: "hold",
    when: anytime,
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
    when: onThread,
    names: ["cancel"],
    usage: "/cancel",
    help: "as Esc: stop the running run on the server (or, with none running, your next pending one)",
    variants: [["/cancel all", "stop every pending and running run of the thread, anyone's"]],
    parse: (arg) =>
      arg === "" || arg === "all"
        ? { kind: "cancel", scope: arg === "all" ? "all" : "running" }
        : hint("usage: /cancel or /cancel all"),
  },
  {
    kind: "withdraw",
    when: onThread,
    names: ["unsend"],
    usage: "/unsend #n",
    help: "take back a queued message before it runs (its run is cancelled first): its text and strategy come back into the input to edit; Enter sends it again, last in the queue (Alt+↑: the newest)",
    parse: numbered("unsend"),
  },
  {
    kind: "withdraw",
    when: onThread,
    names: ["drop"],
    usage: "/drop #n",
    help: "the same, without putting it in the input (↑ and Ctrl+R still have it)",
    parse: numbered("drop"),
  },
  {
    kind: "rewind",
    when: onThread,
    names: ["rewind"],
    usage: "/rewind #n",
    help: "the next message forks the thread from before #n (its text is put in the input to edit): it replaces #n and all after it",
    variants: [["/rewind off", "call a rewind off before sending"]],
    parse: (arg) => {
      if (arg === "off") return { kind: "rewind" };
      const n = /^#?(\d{1,9})$/.exec(arg)?.[1];
      return n !== undefined && Number(n) >= 1
        ? { kind: "rewind", index: Number(n) - 1 }
        : hint("usage: /rewind #n, or /rewind off");
    },
  },
  {
    kind: "retry",
    when: onThread,
    names: ["retry"],
    usage: "/retry",
    help: "pull the last message that did not run to its end (rejected, failed, interrupted, cancelled, never ran, rolled back, taken back) back into the input",
    parse: bare({ kind: "retry" }),
  },
  {
    kind: "dismiss",
    when: onThread,
    names: ["dismiss"],
    usage: "/dismiss",
    help: "clear rejected and failed messages (and dropped questions) from the queue",
    parse: bare({ kind: "dismiss" }),
  },
  { kind: "new", when: anytime, names: ["new"], usage: "/new", help: "start a new thread", parse: bare({ kind: "new" }) },
  {
    kind: "threads",
    when: anytime,
    names: ["threads"],
    usage: "/threads",
    help: "list the deployment's recent threads: number, id's distinguishing part, status, last update, first words",
    parse: bare({ kind: "threads" }),
  },
  {
    kind: "thread",
    when: anytime,
    names: ["thread"],
    usage: "/thread <n|id>",
    help: "switch to a thread: n from the last /threads list, or its id or any unique start or end of it",
    parse: (arg) => {
      if (!arg) return hint("usage: /thread <n|id>: a number from /threads, or a thread id (its start or end will do)");
      const [, n] = /^#?([1-9]\d{0,2})$/.exec(arg) ?? [];
      return n ? { kind: "thread", pick: Number(n) } : { kind: "thread", threadId: arg };
    },
  },
  {
    kind: "export",
    when: onThread,
    names: ["export", "export!"],
    usage: "/export <file>",
    help: "write the open thread, as the server has it now, to a new file: Markdown if its name ends in .md, else the transcript as plain text",
    variants: [["/export! <file>", "the same, replacing the file if it exists"]],
    parse: (arg, name) =>
      arg
        ? { kind: "export", file: arg, replace: name === "export!" }
        : hint(`usage: /${name} <file> (a .md name writes Markdown)`),
  },
  { kind: "help", when: anytime, names: ["help", "?"], usage: "/help", help: "show this help", parse: bare({ kind: "help" }) },
  {
    kind: "quit",
    when: anytime,
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
