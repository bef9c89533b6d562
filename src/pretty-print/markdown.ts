// A thread's messages as a Markdown document (`chat print --format markdown`, `/export x.md`): one
// `##` section per message, titled as pretty_print() titles it, with its name; what it says as the
// Markdown it is; tool calls as fenced JSON, written from the JSON as the server wrote it. Pure.
// Server text may not pass for the document's own structure: its headings go two levels down,
// under its message's; what would start a section of its own or hide the rest (a setext
// underline, an HTML block) is escaped; a code fence left open is closed, and text whose fences
// could be read two ways is a code block. Names and ids are code spans, shown as they are;
// terminal escapes are neutralised (sanitize.ts).
import { pyTitle, pyTruthy, strNode } from "./python-repr.js";
import { formOf, member, type JsonNode } from "./json-form.js";
import { neutralise, oneLine, safeJson } from "../sanitize.js";
import type { MessageDict } from "../engine/message.js";

/** Text as a code span: shown literally, on one line, whatever backticks it holds. */
export function codeSpan(text: string): string {
  const line = oneLine(text, Infinity);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
  return `${ticks}${pad}${line}${pad}${ticks}`;
}

/** A fenced block of `body`: a fence longer than any run of backticks inside, so nothing closes it early. */
export function fenced(body: string, info = ""): string {
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** JSON with two-space indentation, keys in the order written and numbers as written (20.0 stays). */
export function jsonText(node: JsonNode, indent = ""): string {
  const inner = `${indent}  `;
  switch (node.kind) {
    case "object":
      if (!node.members.length) return "{}";
      return `{\n${node.members.map(([k, v]) => `${inner}${safeJson(k)}: ${jsonText(v, inner)}`).join(",\n")}\n${indent}}`;
    case "array":
      if (!node.items.length) return "[]";
      return `[\n${node.items.map((v) => `${inner}${jsonText(v, inner)}`).join(",\n")}\n${indent}]`;
    case "string":
      return safeJson(node.value);
    case "number":
      return node.text;
    case "boolean":
      return String(node.value);
    case "null":
      return "null";
  }
}

/** A code fence at the line's start: where it opens and closes reads one way in any context. */
const FENCE_OPEN = /^(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^( {0,3})(=+|-+)[ \t]*$/;
const LIST_OR_QUOTE = /^ {0,3}([-+*]|\d{1,9}[.)])([ \t]|$)|^ {0,3}>/;
/** The start of an HTML block: some run past blank lines to the end, and code fences inside one are not fences. */
const HTML_BLOCK = /^( {0,3})<[A-Za-z/!?]/;

/**
 * Markdown written by the agent (or a person), made unable to pass for the document's structure.
 * Its code fences are followed to close one left open; a fence elsewhere than at a line's start
 * (indented, in a list or a quote) could be read as ending in more than one place, so such text
 * is shown as written, in a code block.
 */
export function markdownText(written: string): string {
  const text = neutralise(written).replace(/\s+$/, "");
  const out: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let paragraph = false;
  for (const line of text.split("\n")) {
    if (fence) {
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close?.[0] === fence.char && close.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    const open = FENCE_OPEN.exec(line)?.[1];
    if (open) {
      fence = { char: open.charAt(0), length: open.length };
      paragraph = false;
      out.push(line);
      continue;
    }
    if (/```|~~~/.test(line)) return fenced(text);
    const heading = HEADING.exec(line);
    const setext = paragraph ? SETEXT.exec(line) : null;
    const html = HTML_BLOCK.exec(line);
    if (heading)
      out.push(`${heading[1]}${"#".repeat(Math.min(6, (heading[2] ?? "").length + 2))}${line.slice(heading[0].length)}`);
    else if (setext || html) out.push(`${(setext ?? html)?.[1]}\\${line.trimStart()}`);
    else out.push(line);
    // A list item or quote is no paragraph a setext underline would make a heading of.
    paragraph = !heading && line.trim() !== "" && !LIST_OR_QUOTE.test(line);
  }
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join("\n");
}

type Part = { readonly text: string } | { readonly json: JsonNode };

/** A content item's text: a string, or a text block's. */
function textOf(item: JsonNode): string | undefined {
  if (item.kind === "string") return item.value;
  const [type, text] = [member(item, "type"), member(item, "text")];
  return type?.kind === "string" && type.value === "text" && text?.kind === "string" ? text.value : undefined;
}

/** What a message says: its text (adjacent text blocks as one), and the blocks that are not text, in order. */
function contentParts(content: JsonNode | undefined): Part[] {
  if (!content || content.kind === "null") return [];
  const items = content.kind === "array" ? content.items : [content];
  const parts: Part[] = [];
  for (const item of items) {
    const text = textOf(item);
    const last = parts.at(-1);
    if (text === undefined) parts.push({ json: item });
    else if (last && "text" in last) parts[parts.length - 1] = { text: last.text + text };
    else parts.push({ text });
  }
  return parts.filter((p) => !("text" in p) || p.text.trim() !== "");
}

/** A tool call (or an invalid one): who is called, and its args as JSON (raw text when they are a string). */
function toolCall(call: JsonNode, invalid: boolean): string {
  const name = member(call, "name");
  const id = member(call, "id");
  const error = member(call, "error");
  const args = member(call, "args");
  const who = name && name.kind !== "null" ? ` ${codeSpan(strNode(name))}` : "";
  const which = id && id.kind !== "null" ? ` (${codeSpan(strNode(id))})` : "";
  const lines = [`${invalid ? "Invalid tool call" : "Tool call"}${who}${which}:`];
  if (error && pyTruthy(error)) lines.push(`Error: ${codeSpan(strNode(error))}`);
  const body = args?.kind === "string" ? fenced(args.value) : fenced(jsonText(args ?? { kind: "object", members: [] }), "json");
  return `${lines.join("\n\n")}\n\n${body}`;
}

function toolCalls(message: JsonNode): string[] {
  return (["tool_calls", "invalid_tool_calls"] as const).flatMap((key) => {
    const list = member(message, key);
    return list?.kind === "array"
      ? list.items.filter((c) => c.kind === "object").map((c) => toolCall(c, key !== "tool_calls"))
      : [];
  });
}

/** The title pretty_print() gives the message, with its name when it has one. */
function heading(message: MessageDict): string {
  const title = oneLine(`${pyTitle(message.type)} Message`, Infinity).replace(/[!-/:-@[-`{-~]/g, "\\$&");
  const name = typeof message.name === "string" && message.name.trim() ? `: ${codeSpan(message.name)}` : "";
  return `## ${title}${name}`;
}

/** One message's section: heading, what it says, its tool calls (an AI message's, as pretty_print shows them). */
export function markdownMessage(message: MessageDict): string {
  const form = formOf(message);
  const isTool = message.type === "tool";
  const blocks = contentParts(member(form, "content")).map((part) =>
    "json" in part ? fenced(jsonText(part.json), "json") : isTool ? fenced(part.text) : markdownText(part.text),
  );
  if (message.type === "ai" || message.type === "AIMessageChunk") blocks.push(...toolCalls(form));
  return [heading(message), ...blocks].join("\n\n");
}

/** The whole document: a title when the thread is known, then one section per message. */
export function markdownTranscript(messages: readonly MessageDict[], options: { threadId?: string } = {}): string {
  const title = options.threadId === undefined ? [] : [`# Thread ${codeSpan(options.threadId)}`];
  return `${neutralise([...title, ...messages.map(markdownMessage)].join("\n\n"))}\n`;
}

/** A state without messages (see values.ts): its values as one JSON block. */
export function markdownValues(values: Readonly<Record<string, unknown>>, options: { threadId?: string } = {}): string {
  const title = options.threadId === undefined ? [] : [`# Thread ${codeSpan(options.threadId)}`];
  return `${neutralise([...title, "## State", fenced(jsonText(formOf(values)), "json")].join("\n\n"))}\n`;
}
