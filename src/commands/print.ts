// `chat print [file]`: messages as pretty_print() prints them, from JSON in a file or on stdin:
// a list of message dicts, or a thread state as GET /threads/{id}/state returns it. The same
// printer as chat's transcript, fed the JSON as written, so `curl …/state | chat print` shows any
// thread as Python would.
import { readFile } from "node:fs/promises";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError, errorMessage } from "../errors.js";
import { asMessageDict, isRecord, type MessageDict } from "../engine/message.js";
import { parseKeepingForm } from "../pretty-print/json-form.js";
import { prettyTranscript, type Theme } from "../pretty-print/pretty.js";

type Out = (text: string) => void;

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

export async function printCommand(file: string | undefined, theme: Theme, out: Out): Promise<ExitCode> {
  const { text, source } = await readSource(file);
  out(prettyTranscript(messagesOfJson(text, source), theme));
  return EXIT.ok;
}
