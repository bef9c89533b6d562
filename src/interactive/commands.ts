// What a submitted input line means: a message (maybe with its own strategy) or a command
// (command-registry.ts). Pure; the key table here and the registry's rows are what /help and the README show.
import { STRATEGIES, type Strategy } from "../strategies.js";
import { helpText as fullHelp } from "./help.js";
import { COMMAND_HELP, commandNamed, type Command } from "./command-registry.js";

export { COMMAND_HELP, type Command };

export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ["Enter", "send; while the agent waits for an answer, answer it"],
  ["\\ then Enter, or Alt+Enter", "new line in the message"],
  ["↑ / ↓", "walk the input history"],
  ["← → / Home End", "move a character / to the start or end of the input (also Ctrl+B Ctrl+F / Ctrl+A Ctrl+E)"],
  ["Alt+B Alt+F, Alt+← Alt+→", "move a word back / forward"],
  ["Backspace / Delete", "erase the character before / under the cursor (Ctrl+D as Delete)"],
  ["Ctrl+W / Alt+Backspace", "erase back to a blank / to the start of a word (Alt+D: to the end of a word)"],
  ["Ctrl+U / Ctrl+K", "erase to the start / end of the input"],
  ["Tab", "next strategy (reject → interrupt → rollback → enqueue)"],
  [
    "Esc",
    "stop the running run on the server (or, with none running, your next pending one), as /cancel does; its output so far is kept",
  ],
  ["Ctrl+R", "as /retry: the last message that did not run to its end back into the input"],
  ["Alt+↑", "take back the newest queued message before it runs, into the input (as /unsend)"],
  ["Ctrl+C", "clear the input; on an empty input, quit (asks once while runs are in flight)"],
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
  const entry = commandNamed(name);
  if (!entry)
    return { kind: "hint", text: `unknown command /${name}: try /help (start with // to send a message beginning with /)` };
  return entry.parse(rest.trim(), name);
}

/** /help: the key, command and strategy tables, fitted to a window `columns` wide (see help.ts). */
export const helpText = (columns?: number): string => fullHelp(KEY_HELP, columns);
