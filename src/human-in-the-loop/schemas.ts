// The shapes of question real agents send, and the answers each expects: LangChain's
// human-in-the-loop review (review.ts: both spellings, one decision per action) and the older
// agent-inbox HumanInterrupt (action_request / config.allow_* -> [{type, args}]). Pure.
import { isRecord } from "../engine/message.js";
import {
  REVIEW_DECISIONS,
  decisionFor,
  parseJson,
  readReview,
  reviewAnswer,
  reviewSpelling,
  type Action,
  type Decision,
  type Review,
} from "./review.js";

export type { Action } from "./review.js";

/** A question in one of the known schemas, or a free-form value (`note`: why a near-miss is not known). */
export type Shape =
  | Review
  | { readonly kind: "inbox"; readonly action: Action }
  | { readonly kind: "free"; readonly value: unknown; readonly note?: string };

type Answer = { value: unknown } | { problem: string };

const INBOX_ALLOW = { allow_accept: "accept", allow_edit: "edit", allow_respond: "respond", allow_ignore: "ignore" } as const;
const INBOX_WORDS: readonly string[] = Object.values(INBOX_ALLOW);

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
    const spelling = reviewSpelling(single);
    if (spelling) {
      const review = readReview(single, spelling);
      return "note" in review ? { kind: "free", value, note: review.note } : review;
    }
    const inbox = inboxShape(single);
    if (inbox) return inbox;
  }
  return { kind: "free", value };
}

/** The words a person can answer with, for a known schema. */
export function answerWords(shape: Shape): readonly string[] {
  if (shape.kind === "review") return [...new Set(shape.actions.flatMap((a) => a.allowed))];
  if (shape.kind === "inbox") return shape.action.allowed;
  return [];
}

/** What a typed answer means: JSON when it parses as JSON, else the text itself. */
export function parseAnswer(text: string): unknown {
  const value = parseJson(text);
  return value === undefined ? text : value;
}

/** "reject: too dear" -> ["reject", "too dear"]; the word lower-cased. */
export function splitDecision(typed: string): [word: string, argument: string] {
  const [, word = "", argument = ""] = /^\s*([a-z]+)\s*:?\s*([\s\S]*)$/i.exec(typed) ?? [];
  return [word.toLowerCase(), argument.trim()];
}

/** One typed decision for action `i` of a review. */
export function reviewDecision(review: Review, i: number, typed: string): { decision: Decision } | { problem: string } {
  const action = review.actions[i];
  if (!action) return { problem: `this review has ${review.actions.length} action(s), not ${i + 1}` };
  const [word, argument] = splitDecision(typed);
  return decisionFor(action, word, argument);
}

/** A review answered with one typed decision per action, in order. */
export function answerEach(review: Review, typed: readonly string[]): Answer {
  if (typed.length !== review.actions.length)
    return { problem: `this review has ${review.actions.length} actions: give one decision for each, or one for all` };
  const decisions: Decision[] = [];
  for (const [i, text] of typed.entries()) {
    const one = reviewDecision(review, i, text);
    if ("problem" in one) return review.actions.length > 1 ? { problem: `action ${i + 1}: ${one.problem}` } : one;
    decisions.push(one.decision);
  }
  return { value: reviewAnswer(review, decisions) };
}

function inboxAnswer(action: Action, word: string, argument: string): Answer {
  if (!action.allowed.includes(word))
    return { problem: `this question takes ${action.allowed.join(", ") || "a free answer"}, not ${word}` };
  if (word === "edit") {
    const args = parseAnswer(argument);
    if (!isRecord(args)) return { problem: 'edit takes the new args as a JSON object, e.g. /edit {"query": "nyc"}' };
    return { value: [{ type: "edit", args: { action: action.name, args } }] };
  }
  return { value: [{ type: word === "respond" ? "response" : word, args: word === "respond" ? argument : null }] };
}

/**
 * A typed answer for a question: for a known schema a decision word, alone or with its argument
 * ("approve", "reject: too dear", "edit {...}"), which for a review goes for every action;
 * otherwise JSON when it parses, else the text.
 */
export function answerFor(value: unknown, typed: string): Answer {
  const shape = shapeOf(value);
  if (shape.kind === "free") return { value: parseAnswer(typed) };
  const [word, argument] = splitDecision(typed);
  const family = shape.kind === "review" ? REVIEW_DECISIONS : INBOX_WORDS;
  if (family.includes(word)) {
    if (shape.kind === "inbox") return inboxAnswer(shape.action, word, argument);
    // One set of edited args is one action's: several actions each need their own.
    if (word === "edit" && shape.actions.length > 1)
      return { problem: `edit changes one action's args: give one decision for each of the ${shape.actions.length} actions` };
    return answerEach(
      shape,
      shape.actions.map(() => typed),
    );
  }
  // The schema's own JSON, written out by hand, goes as it is.
  const parsed = parseAnswer(typed);
  if (typeof parsed === "object" && parsed !== null) return { value: parsed };
  return { problem: `this question takes ${answerWords(shape).join(", ")}` };
}
