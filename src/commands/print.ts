// `chat print [file]` and `chat print --thread <id>`: messages as pretty_print() prints them (or
// as Markdown), from JSON in a file or on stdin (a list of message dicts, or a thread state as
// GET /threads/{id}/state returns it), or from a deployment's thread. The same printer as chat's
// transcript, fed the JSON as written, so any thread shows as Python would. /export prints the
// same way (export.ts).
import { readFile } from "node:fs/promises";
import type { Client } from "@langchain/langgraph-sdk";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError, errorMessage } from "../errors.js";
import { asMessageDict, isRecord, messagesOf, type MessageDict } from "../engine/message.js";
import { parseKeepingForm } from "../pretty-print/json-form.js";
import { prettyTranscript, type Theme } from "../pretty-print/pretty.js";
import { prettyValues } from "../pretty-print/values.js";
import { markdownTranscript, markdownValues } from "../pretty-print/markdown.js";
import { connect, readThreadState } from "../deployment/connect.js";
import { resolveThreadId } from "../deployment/recent-threads.js";
import { resolveDeployment, type TargetFlags } from "./target.js";
import type { Format } from "./formats.js";

type Out = (text: string) => void;

export interface PrintFlags extends Pick<TargetFlags, "url" | "local" | "project"> {
  thread?: string;
  format: Format;
}

/** Messages as the transcript prints them (`theme`: its colours), or as a Markdown document. */
function document(messages: readonly MessageDict[], format: Format, theme: Theme, threadId?: string): string {
  return format === "markdown" ? markdownTranscript(messages, { threadId }) : prettyTranscript(messages, theme);
}

/** A printed thread, and how many messages it holds (undefined: its values, for a state without messages). */
export interface Printed {
  readonly text: string;
  readonly messages?: number;
}

/** A thread's state as a document: its messages; a state with values but no messages list, those values (as chat prints a run's). */
function stateDocument(values: unknown, format: Format, theme: Theme, threadId?: string): Printed {
  if (isRecord(values) && !Array.isArray(values.messages) && Object.keys(values).length > 0) {
    const text = format === "markdown" ? markdownValues(values, { threadId }) : prettyValues(values, theme);
    return { text };
  }
  const messages = messagesOf(values);
  return { text: document(messages, format, theme, threadId), messages: messages.length };
}

/** A deployment's thread as a document, read now (the state's JSON as the server wrote it). */
export async function threadDocument(
  client: Client,
  label: string,
  threadId: string,
  format: Format,
  theme: Theme,
): Promise<Printed> {
  const state = await readThreadState(client, threadId, label);
  return stateDocument(state.values, format, theme, threadId);
}

/** The message list in a JSON value: the value itself, or a state's (or thread's) values.messages. */
function messageList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && isRecord(value.values) && Array.isArray(value.values.messages)) return value.values.messages;
  return undefined;
}

/** The messages in JSON text, remembering how they were written. Usage errors name `source`. */
export function messagesOfJson(text: string, source: string): MessageDict[] {
  let value: unknown;
  try {
    value = parseKeepingForm(text);
  } catch (err) {
    throw new UsageError(`${source} is not JSON: ${errorMessage(err)}`);
  }
  const list = messageList(value);
  if (!list)
    throw new UsageError(`${source} holds no messages: expected a list of message dicts or {"values": {"messages": [...]}}`);
  return list.map((item, i) => {
    const message = asMessageDict(item);
    if (!message) throw new UsageError(`${source}: message ${i + 1} is not a message dict (it has no "type")`);
    return message;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function readSource(file: string | undefined): Promise<{ text: string; source: string }> {
  if (file === undefined || file === "-") {
    if (file === undefined && process.stdin.isTTY) throw new UsageError("give a file, or pipe JSON to chat print");
    return { text: await readStdin(), source: "stdin" };
  }
  try {
    return { text: await readFile(file, "utf8"), source: file };
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${errorMessage(err)}`);
  }
}

/** `chat print --thread <id>`: the thread read from its deployment (a running chat's local one is asked, not refused). */
async function printThread(threadId: string, flags: PrintFlags, theme: Theme, out: Out): Promise<ExitCode> {
  const connection = await connect({ ...resolveDeployment(flags), reuseRunning: true });
  try {
    const id = await resolveThreadId(connection.client, threadId, connection.label); // a start or end of one, too
    out((await threadDocument(connection.client, connection.label, id, flags.format, theme)).text);
    return EXIT.ok;
  } finally {
    await connection.close();
  }
}

export async function printCommand(file: string | undefined, flags: PrintFlags, theme: Theme, out: Out): Promise<ExitCode> {
  if (flags.thread !== undefined) {
    if (file !== undefined) throw new UsageError("give a file or --thread, not both");
    if (flags.thread.trim() === "") throw new UsageError("--thread needs a thread id");
    return printThread(flags.thread.trim(), flags, theme, out);
  }
  const where =
    flags.url !== undefined ? "--url" : flags.local ? "--local" : flags.project !== undefined ? "--project" : undefined;
  if (where) throw new UsageError(`${where} says where --thread is read from: give --thread <id>`);
  const { text, source } = await readSource(file);
  out(document(messagesOfJson(text, source), flags.format, theme));
  return EXIT.ok;
}
