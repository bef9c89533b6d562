// The end-of-demo summary as plain text, and as data for --json. Pure.
import { neutralise, oneLine } from "../sanitize.js";
import { pyStr } from "../pretty-print/python-repr.js";
import type { MessageDict } from "../engine/message.js";
import { statusLabel } from "../engine/status.js";
import { deviation, explain } from "./explain.js";
import type { LaneResult, TimelineEntry } from "./lane.js";

/** "ai     → search(weather in san francisco)": role and the first words. */
export function compactMessage(m: MessageDict, width = 72): string {
  const calls = (m.tool_calls ?? []).map(
    (c) =>
      `→ ${pyStr(c.name)}(${Object.values((c.args as object) ?? {})
        .map(pyStr)
        .join(", ")})`,
  );
  const text = [pyStr(m.content ?? ""), ...calls].filter((s) => s.trim() !== "").join(" ");
  return `${m.type.padEnd(6)} ${oneLine(neutralise(text), width - 7)}`;
}

export const timelineLine = (e: TimelineEntry) => `${(e.t / 1000).toFixed(2).padStart(6)}s  #${e.run} ${e.what}`;

export function laneSummary(lane: LaneResult): string {
  const off = deviation(lane);
  const lines = [
    `== ${lane.strategy} == thread ${lane.threadId}`,
    "  timeline:",
    ...lane.timeline.map((e) => `    ${timelineLine(e)}`),
    `  runs: #1 ${statusLabel(lane.statuses[0])} · #2 ${statusLabel(lane.statuses[1])}${lane.httpStatus ? ` (HTTP ${lane.httpStatus})` : ""}`,
    "  thread:",
    ...(lane.messages.length ? lane.messages.map((m) => `    ${compactMessage(m)}`) : ["    (empty)"]),
    `  what happened: ${explain(lane)}`,
    ...(off ? [`  differs from the docs: ${off}`] : []),
  ];
  return lines.join("\n");
}

/** For display: everything that came from the server (ids, types, errors) is neutralised. */
export function demoSummary(lanes: readonly LaneResult[]): string {
  return neutralise(`${lanes.map(laneSummary).join("\n\n")}\n`);
}

export function demoJson(lanes: readonly LaneResult[]): object {
  return {
    type: "demo",
    lanes: lanes.map((lane) => ({
      strategy: lane.strategy,
      thread_id: lane.threadId,
      timeline: lane.timeline,
      statuses: lane.statuses,
      details: lane.details,
      server_statuses: lane.serverStatuses.map((s) => s ?? null),
      http_status: lane.httpStatus ?? null,
      first_when_second_sent: lane.firstWhenSecondSent,
      tool_call_before_second: lane.toolCallBeforeSecond,
      messages_left_by_run: lane.leftBy,
      messages: lane.messages,
      what_happened: explain(lane),
      differs_from_docs: deviation(lane) ?? null,
    })),
  };
}
