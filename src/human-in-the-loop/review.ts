// LangChain's human-in-the-loop middleware: a review of tool calls, asked in one of two spellings
// (Python's action_requests / review_configs, JS `langchain`'s actionRequests / reviewConfigs)
// and answered in the same one, one decision per action, in order. Pure.
import { isRecord } from "../engine/message.js";

export interface Action {
  readonly name: string;
  readonly args: unknown;
  readonly description?: string;
  /** The answers this action allows, in the schema's own words. */
  readonly allowed: readonly string[];
}

export type Spelling = "snake" | "camel";

export interface Review {
  readonly kind: "review";
  readonly spelling: Spelling;
  readonly actions: readonly Action[];
}

/** One person's decision on one action. */
export type Decision =
  | { readonly type: "approve" }
  | { readonly type: "edit"; readonly args: Record<string, unknown> }
  | { readonly type: "reject"; readonly message?: string };

export const REVIEW_DECISIONS: readonly string[] = ["approve", "edit", "reject"];

const KEYS = {
  snake: { requests: "action_requests", configs: "review_configs", name: "action_name", allowed: "allowed_decisions" },
  camel: { requests: "actionRequests", configs: "reviewConfigs", name: "actionName", allowed: "allowedDecisions" },
} as const;

/** Which spelling a value asks in, if it is a review at all (it has a list of action requests). */
export function reviewSpelling(value: Record<string, unknown>): Spelling | undefined {
  if ("actionRequests" in value) return "camel";
  if ("action_requests" in value) return "snake";
  return undefined;
}

/**
 * The review a value asks for, or a note on why it is not one chat can answer (shown with the
 * value as JSON). The configs line up with the requests by position, as the middleware builds them.
 */
export function readReview(value: Record<string, unknown>, spelling: Spelling): Review | { note: string } {
  const keys = KEYS[spelling];
  const requests = value[keys.requests];
  if (!Array.isArray(requests) || requests.length === 0 || !requests.every((r) => isRecord(r) && typeof r.name === "string"))
    return { note: `${keys.requests} is not a list of {name, args}, so chat cannot answer it decision by decision` };
  const configs = Array.isArray(value[keys.configs]) ? (value[keys.configs] as unknown[]).filter(isRecord) : [];
  const actions = (requests as Record<string, unknown>[]).map((request, i): Action => {
    const name = String(request.name);
    const config = configs.length === requests.length ? configs[i] : configs.find((c) => c[keys.name] === name);
    const list = config?.[keys.allowed];
    const allowed = Array.isArray(list) ? list.map(String) : REVIEW_DECISIONS;
    const description = typeof request.description === "string" ? { description: request.description } : {};
    return { name, args: request.args ?? {}, allowed, ...description };
  });
  return { kind: "review", spelling, actions };
}

/** A typed decision ("approve", "reject: too dear", "edit {...}") for one action, checked against what it allows. */
export function decisionFor(action: Action, word: string, argument: string): { decision: Decision } | { problem: string } {
  if (!REVIEW_DECISIONS.includes(word)) return { problem: `${action.name} takes ${action.allowed.join(", ")}` };
  if (!action.allowed.includes(word))
    return { problem: `${action.name} takes ${action.allowed.join(", ") || "no decision"}, not ${word}` };
  if (word === "edit") {
    const args = parseJson(argument);
    if (!isRecord(args)) return { problem: 'edit takes the new args as a JSON object, e.g. /edit {"query": "nyc"}' };
    return { decision: { type: "edit", args } };
  }
  if (word === "reject") return { decision: argument ? { type: "reject", message: argument } : { type: "reject" } };
  return { decision: { type: "approve" } };
}

/** The resume value for one decision per action, in the spelling the review asked in. */
export function reviewAnswer(review: Review, decisions: readonly Decision[]): { decisions: Record<string, unknown>[] } {
  const edited = review.spelling === "camel" ? "editedAction" : "edited_action";
  return {
    decisions: decisions.map((decision, i) =>
      decision.type === "edit"
        ? { type: "edit", [edited]: { name: review.actions[i]?.name, args: decision.args } }
        : { ...decision },
    ),
  };
}

/** The text as JSON, or undefined when it does not parse. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.trim()) as unknown;
  } catch {
    return undefined;
  }
}
