// The open question as text, for the transcript and status lines: a string as text, an object
// as indented data, the two known schemas as the action, its args and the answers allowed. Pure;
// everything from the server is neutralised.
import type { Question } from "../engine/interrupts.js";
import { neutralise, oneLine } from "../sanitize.js";
import { titleRule } from "../pretty-print/pretty.js";
import { shapeOf, type Action, type Shape } from "./schemas.js";

const json = (value: unknown) => JSON.stringify(value, null, 2) ?? String(value);

/** An object as `key: value` lines (nested values as indented JSON); anything else as itself. */
function dataLines(value: unknown, indent: string): string[] {
  if (typeof value === "string") return value.split("\n").map((line) => `${indent}${line}`);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return json(value)
      .split("\n")
      .map((l) => `${indent}${l}`);
  return Object.entries(value).flatMap(([key, v]) => {
    const compact = JSON.stringify(v) ?? String(v);
    const text = typeof v === "string" ? v : compact.length <= 60 ? compact : json(v);
    const [first = "", ...rest] = text.split("\n");
    return [`${indent}${key}: ${first}`, ...rest.map((line) => `${indent}${" ".repeat(key.length + 2)}${line}`.trimEnd())];
  });
}

function actionLines(action: Action, i: number, all: readonly Action[]): string[] {
  return [
    `  ${all.length > 1 ? `${i + 1}. ` : ""}${action.name}`,
    ...dataLines({ ...(action.description ? { description: action.description } : {}), args: action.args }, "    "),
    `    allowed: ${action.allowed.join(", ") || "(none)"}`,
  ];
}

function shapeLines(shape: Shape): string[] {
  switch (shape.kind) {
    case "review":
      return [
        `Review ${shape.actions.length} action${shape.actions.length === 1 ? "" : "s"} before the agent goes on:`,
        ...shape.actions.flatMap(actionLines),
        ...(shape.actions.length > 1 ? ["One decision per action, in order."] : []),
      ];
    case "inbox":
      return ["The agent asks before it acts:", ...actionLines(shape.action, 0, [shape.action])];
    case "free":
      return shape.note ? [...json(shape.value).split("\n"), `(${shape.note})`] : dataLines(shape.value, "");
  }
}

/**
 * The question in full, under a title rule like pretty_print's, without a trailing newline.
 * `hold`: how this face turns hold on (the flag, or the UI's command).
 */
export function describeQuestion(question: Question, width = 80, hold = "--hold"): string {
  const who = question.index === undefined ? "The thread" : `#${question.index + 1}`;
  if (question.interrupts.length === 0) {
    const where = question.pausedBefore
      ? ` before ${question.pausedBefore.node}${question.pausedBefore.graph ? ` (in ${question.pausedBefore.graph})` : ""}`
      : "";
    return neutralise([titleRule("Paused", width), "", `${who} paused${where}, at a breakpoint.`].join("\n"));
  }
  const body = question.interrupts.flatMap((interrupt, i) => [
    ...(question.interrupts.length > 1 ? [`[${i + 1}] ${interrupt.id ?? ""}`.trimEnd()] : []),
    ...shapeLines(shapeOf(interrupt.value)),
  ]);
  const doomed =
    question.doomedBy === undefined
      ? []
      : [
          `#${question.doomedBy + 1} is already queued: it runs next as a new message and the server drops this question (${hold} keeps later messages back until it is answered).`,
        ];
  return neutralise([titleRule("Waiting For You", width), "", `${who} asks:`, ...body, ...doomed].join("\n"));
}

/** One line for a status line or a queue row: the question's first words. */
export function questionSummary(question: Pick<Question, "interrupts" | "pausedBefore">, max = 100): string {
  if (question.interrupts.length === 0) {
    return question.pausedBefore
      ? `paused before ${question.pausedBefore.node}${question.pausedBefore.graph ? ` (in ${question.pausedBefore.graph})` : ""}`
      : "paused at a breakpoint";
  }
  const shape = shapeOf(question.interrupts[0]?.value);
  const text =
    shape.kind === "review"
      ? `review ${shape.actions.map((a) => a.name).join(", ")}`
      : shape.kind === "inbox"
        ? (shape.action.description ?? `approve ${shape.action.name}`)
        : typeof shape.value === "string"
          ? shape.value
          : (isQuestionLike(shape.value) ?? JSON.stringify(shape.value));
  const more = question.interrupts.length > 1 ? ` (+${question.interrupts.length - 1} more)` : "";
  return oneLine(neutralise(text + more), max);
}

/** A `question` or `message` field is what a person reads first. */
function isQuestionLike(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const text = v.question ?? v.message ?? v.prompt;
  return typeof text === "string" ? text : undefined;
}
