// LangChain's BaseMessage.pretty_print() (Python, langchain_core), byte for byte, as a pure
// function of a message dict; a theme adds colour without changing the layout. Values are read
// as the JSON wrote them (json-form.ts) when it is known, so dicts keep their order and 20.0 its
// fraction; server text is neutralised after Python's layout is done (strip first, then escape).
import { pyRstrip, pyTitle, pyTruthy, strNode } from "./python-repr.js";
import { formOf, member, type JsonNode, type ObjectNode } from "./json-form.js";
import { neutralise } from "../sanitize.js";
import type { MessageDict } from "../engine/message.js";

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

/** AIMessage._format_tool_args: tc.get('name', 'Tool'), tc.get('id'), and args in their order. */
function toolCallLines(call: ObjectNode): string[] {
  const get = (key: string) => member(call, key);
  const id = strNode(get("id") ?? { kind: "null" });
  const name = get("name");
  const lines = [`  ${name ? strNode(name) : "Tool"} (${id})`, ` Call ID: ${id}`];
  const error = get("error");
  if (error && pyTruthy(error)) lines.push(`  Error: ${strNode(error)}`);
  lines.push("  Args:");
  const args = get("args");
  if (args?.kind === "string") lines.push(`    ${args.value}`);
  else if (args?.kind === "object") for (const [key, value] of args.members) lines.push(`    ${key}: ${strNode(value)}`);
  return lines;
}

function calls(list: JsonNode | undefined): ObjectNode[] {
  return list?.kind === "array" ? list.items.filter((c): c is ObjectNode => c.kind === "object") : [];
}

/** Tool call lines with their headers (index of each header kept for the theme). */
function toolLines(message: JsonNode): { lines: string[]; headers: Set<number> } {
  const lines: string[] = [];
  const headers = new Set<number>();
  for (const [key, header] of [
    ["tool_calls", "Tool Calls:"],
    ["invalid_tool_calls", "Invalid Tool Calls:"],
  ] as const) {
    const list = calls(member(message, key));
    if (!list.length) continue;
    headers.add(lines.length);
    lines.push(header);
    for (const call of list) lines.push(...toolCallLines(call));
  }
  if (!lines.length) return { lines, headers };
  // Python strips the joined lines' end: a blank last line goes, and the whitespace before it.
  while (lines.length > 1 && pyRstrip(lines.at(-1) ?? "") === "") lines.pop();
  lines.push(pyRstrip(lines.pop() ?? ""));
  return { lines, headers };
}

function isAi(type: string): boolean {
  return type === "ai" || type === "AIMessageChunk";
}

/** One message as pretty_repr() shows it (no trailing newline). Control characters neutralised. */
export function prettyRepr(message: MessageDict, theme: Theme = plainTheme): string {
  const form = formOf(message);
  const contentNode = member(form, "content");
  const content = contentNode && contentNode.kind !== "null" ? strNode(contentNode) : "";
  const rule = theme.title(neutralise(titleRule(`${pyTitle(message.type)} Message`, theme.width)), message.type);
  const nameLine = message.name !== null && message.name !== undefined ? `Name: ${message.name}` : undefined;
  const head = (strip: (s: string) => string) =>
    nameLine === undefined ? rule : `${rule}\n${theme.name(neutralise(strip(nameLine)))}`;
  if (!isAi(message.type)) return `${head((s) => s)}\n\n${neutralise(content)}`;

  // (base.strip() + "\n" + "\n".join(lines)).strip(), done on the raw text before escaping.
  const body = pyRstrip(content);
  const base = body === "" ? head(pyRstrip) : `${head((s) => s)}\n\n${neutralise(body)}`;
  const { lines, headers } = toolLines(form);
  if (!lines.length) return base;
  const shown = lines.map((line, i) => (headers.has(i) ? theme.toolHeader(line) : neutralise(line)));
  return `${base}\n${shown.join("\n")}`;
}

/** What print(m.pretty_repr()) writes for each message in turn. */
export function prettyTranscript(messages: readonly MessageDict[], theme: Theme = plainTheme): string {
  return messages.map((m) => `${prettyRepr(m, theme)}\n`).join("");
}
