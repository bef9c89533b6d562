// What a typed line becomes as a run's input, by the graph's input schema: a human message for a
// graph with `messages`; the text itself in a graph's one string field; otherwise the line must
// be the input as a JSON object. Read once from the assistant's schemas.
import { isRecord } from "./message.js";
import type { Client } from "@langchain/langgraph-sdk";

export type InputShape =
  | { readonly kind: "messages" }
  | { readonly kind: "field"; readonly field: string }
  | { readonly kind: "json"; readonly fields: readonly string[] };

const MESSAGES: InputShape = { kind: "messages" };

/** The shape from a JSON schema of the graph's input (as `assistants.getSchemas` gives it). */
export function shapeOfSchema(schema: unknown): InputShape {
  const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : undefined;
  // No schema to go by (or one with messages): the chat shape, as before.
  if (!properties || "messages" in properties) return MESSAGES;
  const fields = Object.keys(properties);
  const strings = fields.filter((name) => {
    const p = properties[name];
    return isRecord(p) && (p.type === "string" || (Array.isArray(p.type) && p.type.includes("string")));
  });
  return strings.length === 1 && strings[0] !== undefined ? { kind: "field", field: strings[0] } : { kind: "json", fields };
}

/** Reads the assistant's input schema; a server that cannot say gets the chat shape. */
export async function readInputShape(client: Pick<Client, "assistants">, assistant: string): Promise<InputShape> {
  try {
    const byGraph = await client.assistants.search({ graphId: assistant, limit: 1 });
    const id = byGraph[0]?.assistant_id ?? assistant;
    return shapeOfSchema((await client.assistants.getSchemas(id)).input_schema);
  } catch {
    return MESSAGES;
  }
}

/**
 * The run input for `text`, or undefined for the chat shape (a human message, built by the
 * engine). Throws a one-line reason when the text cannot be this graph's input.
 */
export function inputFor(shape: InputShape | undefined, text: string): Record<string, unknown> | undefined {
  if (shape === undefined || shape.kind === "messages") return undefined;
  if (shape.kind === "field") return { [shape.field]: text };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(
      `this graph's input is not messages: give it as a JSON object with ${shape.fields.join(", ") || "its fields"}`,
    );
  }
  if (!isRecord(value)) throw new Error("this graph's input must be a JSON object");
  return value;
}

/** What the session is given: a shape, or how to get it when a message is sent. */
export type ShapeSource = InputShape | (() => Promise<InputShape>);

/**
 * The shape as it becomes known. A message sent before the schema has come waits for it at most
 * `budgetMs`, then goes as a human message: the JS server may spend seconds compiling a graph's
 * TypeScript to answer (and then answer 500 for a JavaScript file). Later messages use what came.
 */
export function shapeWithin(reading: Promise<InputShape>, budgetMs: number): () => Promise<InputShape> {
  let known: InputShape | undefined;
  const settled = reading.catch(() => MESSAGES).then((shape) => (known = shape));
  // One wait for the whole session: messages sent after it ran out go at once.
  let waited: Promise<InputShape> | undefined;
  return () =>
    known
      ? Promise.resolve(known)
      : Promise.race([settled, (waited ??= new Promise((resolve) => setTimeout(resolve, budgetMs, MESSAGES).unref()))]);
}

/**
 * A message's run input: given whole, or its text in the graph's shape (undefined: a human
 * message). Awaited at create time, so the schema is read while the first message is typed.
 */
export async function messageInput(
  shape: ShapeSource | undefined,
  message: { readonly kind: string; readonly text: string; readonly input?: Record<string, unknown> },
): Promise<Record<string, unknown> | undefined> {
  if (message.input || message.kind !== "message") return message.input;
  return inputFor(typeof shape === "function" ? await shape() : shape, message.text);
}
