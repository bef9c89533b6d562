// The two shapes of question real agents send, and the answers each expects: LangChain v1's
// human-in-the-loop middleware (action_requests / review_configs -> {decisions}) and the older
// agent-inbox HumanInterrupt (action_request / config.allow_* -> [{type, args}]). Pure.
import { isRecord } from "../engine/message.js";

export interface Action {
  readonly name: string;
  readonly args: unknown;
  readonly description?: string;
  /** The answers this action allows, in the schema's own words. */
  readonly allowed: readonly string[];
}

/** A question in one of the known schemas, or a free-form value. */
export type Shape =
  | { readonly kind: "review"; readonly actions: readonly Action[] }
  | { readonly kind: "inbox"; readonly action: Action }
  | { readonly kind: "free"; readonly value: unknown };

const V1_DECISIONS = ["approve", "edit", "reject"];
const INBOX_ALLOW = { allow_accept: "accept", allow_edit: "edit", allow_respond: "respond", allow_ignore: "ignore" } as const;

function reviewShape(value: Record<string, unknown>): Shape | undefined {
  if (!Array.isArray(value.action_requests)) return undefined;
  const configs = Array.isArray(value.review_configs) ? value.review_configs.filter(isRecord) : [];
  const actions = value.action_requests.filter(isRecord).map((request): Action => {
    const name = String(request.name ?? request.action ?? "action");
    const config = configs.find((c) => c.action_name === name);
    const allowed = Array.isArray(config?.allowed_decisions) ? config.allowed_decisions.map(String) : V1_DECISIONS;
    const description = typeof request.description === "string" ? { description: request.description } : {};
    return { name, args: request.args ?? {}, allowed, ...description };
  });
  return { kind: "review", actions };
}

function inboxShape(value: Record<string, unknown>): Shape | undefined {
  const request = value.action_request;
  if (!isRecord(request)) return undefined;
  const config = isRecord(value.config) ? value.config : {};
  const allowed = Object.entries(INBOX_ALLOW)
    .filter(([flag]) => config[flag] === true)
    .map(([, word]) => word);
  const description = typeof value.description === "string" ? { description: value.description } : {};
  return {
    kind: "inbox",
    action: { name: String(request.action ?? "action"), args: request.args ?? {}, allowed, ...description },
  };
}

/** What an interrupt's value is: a review of tool calls, an agent-inbox request, or anything else. */
export function shapeOf(value: unknown): Shape {
  // agent-inbox agents interrupt with a list holding one HumanInterrupt.
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (isRecord(single)) {
    const known = reviewShape(single) ?? inboxShape(single);
    if (known) return known;
  }
  return { kind: "free", value };
}

/** The words a person can answer with, for a known schema. */
export function answerWords(shape: Shape): readonly string[] {
  if (shape.kind === "review") return [...new Set(shape.actions.flatMap((a) => a.allowed))];
  if (shape.kind === "inbox") return shape.action.allowed;
  return [];
}

/**
 * The value to resume with for a decision word and its argument (a rejection's message, a
 * response's text, edited args as JSON). Undefined when the schema does not allow that word.
 */
export function decide(shape: Shape, word: string, argument: string): { value: unknown } | { problem: string } {
  if (!answerWords(shape).includes(word)) {
    return { problem: `this question takes ${answerWords(shape).join(", ") || "a free answer"}, not ${word}` };
  }
  if (word === "edit") {
    const args = parseAnswer(argument);
    if (!isRecord(args)) return { problem: 'edit takes the new args as a JSON object, e.g. /edit {"query": "nyc"}' };
    if (shape.kind === "review") {
      const action = shape.actions[0];
      return { value: { decisions: [{ type: "edit", edited_action: { name: action?.name, args } }] } };
    }
    if (shape.kind === "inbox") return { value: [{ type: "edit", args: { action: shape.action.name, args } }] };
  }
  if (shape.kind === "review") {
    const decision = word === "reject" && argument ? { type: word, message: argument } : { type: word };
    return { value: { decisions: shape.actions.map(() => decision) } };
  }
  const args = word === "respond" ? argument : null;
  return { value: [{ type: word === "respond" ? "response" : word, args }] };
}

/** What a typed answer means: JSON when it parses as JSON, else the text itself. */
export function parseAnswer(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/**
 * A typed answer for a question: for a known schema a decision word, alone or with its argument
 * ("approve", "reject: too dear", "edit {...}"); otherwise JSON when it parses, else the text.
 */
export function answerFor(value: unknown, typed: string): { value: unknown } | { problem: string } {
  const shape = shapeOf(value);
  if (shape.kind === "free") return { value: parseAnswer(typed) };
  const [, word = "", argument = ""] = /^\s*([a-z]+)\s*:?\s*([\s\S]*)$/i.exec(typed) ?? [];
  const family = shape.kind === "review" ? V1_DECISIONS : Object.values(INBOX_ALLOW);
  if (family.includes(word.toLowerCase())) return decide(shape, word.toLowerCase(), argument.trim());
  // The schema's own JSON, written out by hand, goes as it is.
  const parsed = parseAnswer(typed);
  if (typeof parsed === "object" && parsed !== null) return { value: parsed };
  return { problem: `this question takes ${answerWords(shape).join(", ")}` };
}
