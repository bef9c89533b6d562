// LangChain's BaseMessage.pretty_print() (Python, langchain_core), byte for byte, as a pure
// function of a message dict; a theme adds colour without changing the layout.
import { pyStr, pyStrip, pyTitle } from "./python-repr.js";
import { neutralise } from "../sanitize.js";
import type { MessageDict, ToolCallDict } from "../engine/message.js";

export interface Theme {
  /** Width of the title rule: 80 as in Python; narrower for a narrow terminal. */
  readonly width?: number;
  title(rule: string, type: string): string;
  name(line: string): string;
  toolHeader(line: string): string;
}

export const plainTheme: Theme = {
  title: (rule) => rule,
  name: (line) => line,
  toolHeader: (line) => line,
};

/** langchain_core get_msg_title_repr: the title centred in a rule of "=" (80 wide there). */
export function titleRule(title: string, width = 80): string {
  const padded = ` ${title} `;
  const sep = "=".repeat(Math.max(0, Math.floor((width - padded.length) / 2)));
  return `${sep}${padded}${sep}${padded.length % 2 ? "=" : ""}`;
}

function toolCallLines(call: ToolCallDict): string[] {
  const id = pyStr(call.id ?? null);
  const name = "name" in call ? pyStr(call.name) : "Tool";
  const lines = [`  ${name} (${id})`, ` Call ID: ${id}`];
  if (call.error) lines.push(`  Error: ${pyStr(call.error)}`);
  lines.push("  Args:");
  const args = call.args;
  if (typeof args === "string") lines.push(`    ${args}`);
  else if (typeof args === "object" && args !== null && !Array.isArray(args)) {
    for (const [key, value] of Object.entries(args)) lines.push(`    ${key}: ${pyStr(value)}`);
  }
  return lines;
}

function isAi(type: string): boolean {
  return type === "ai" || type === "AIMessageChunk";
}

/** One message as pretty_repr() shows it (no trailing newline). Control characters neutralised. */
export function prettyRepr(message: MessageDict, theme: Theme = plainTheme): string {
  const type = neutralise(message.type);
  let head = theme.title(titleRule(`${pyTitle(type)} Message`, theme.width), message.type);
  if (message.name !== null && message.name !== undefined) {
    head += `\n${theme.name(`Name: ${neutralise(message.name)}`)}`;
  }
  const base = `${head}\n\n${neutralise(pyStr(message.content ?? ""))}`;
  if (!isAi(message.type)) return base;

  const lines: string[] = [];
  if (message.tool_calls?.length) {
    lines.push(theme.toolHeader("Tool Calls:"));
    for (const call of message.tool_calls) lines.push(...toolCallLines(call).map(neutralise));
  }
  if (message.invalid_tool_calls?.length) {
    lines.push(theme.toolHeader("Invalid Tool Calls:"));
    for (const call of message.invalid_tool_calls) lines.push(...toolCallLines(call).map(neutralise));
  }
  return pyStrip(`${pyStrip(base)}\n${lines.join("\n")}`);
}

/** What print(m.pretty_repr()) writes for each message in turn. */
export function prettyTranscript(messages: readonly MessageDict[], theme: Theme = plainTheme): string {
  return messages.map((m) => `${prettyRepr(m, theme)}\n`).join("");
}
