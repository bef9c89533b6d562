// The end-of-demo summary as plain text, and as data for --json. Pure.
import { neutralise, oneLine } from "../sanitize.js";
import { pyStr } from "../pretty-print/python-repr.js";
import type { MessageDict } from "../engine/message.js";
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

/** A sentence broken between words to fit `width`, later lines indented under the first's text. */
export function wordWrap(line: string, width: number | undefined, indent = "    "): string {
  if (!width || line.length <= width) return line;
  const lead = /^ */.exec(line)?.[0] ?? "";
  const out: string[] = [];
  let current = lead;
  for (const word of line.slice(lead.length).split(" ")) {
    if (current.trim() && current.length + 1 + word.length > width) {
      out.push(current);
      current = indent + word;
    } else current = current.trim() ? `${current} ${word}` : current + word;
  }
  return [...out, current].join("\n");
}

/** One lane as text; `width` (a terminal's) breaks the long sentences between words. */
export function laneSummary(lane: LaneResult, width?: number): string {
  const off = deviation(lane);
  const lines = [
    `== ${lane.strategy} == thread ${lane.threadId}`,
    "  timeline:",
    ...lane.timeline.map((e) => `    ${timelineLine(e)}`),
    `  runs: #1 ${lane.labels[0]} · #2 ${lane.labels[1]}${lane.httpStatus ? ` (HTTP ${lane.httpStatus})` : ""}`,
    "  thread:",
    ...(lane.messages.length ? lane.messages.map((m) => `    ${compactMessage(m)}`) : ["    (empty)"]),
    wordWrap(`  what happened: ${explain(lane)}`, width),
    ...(off ? [wordWrap(`  differs from the docs: ${off}`, width)] : []),
  ];
  return lines.join("\n");
}

/** For display: everything that came from the server (ids, types, errors) is neutralised. */
export function demoSummary(lanes: readonly LaneResult[], width?: number): string {
  return neutralise(`${lanes.map((lane) => laneSummary(lane, width)).join("\n\n")}\n`);
}

export function demoJson(lanes: readonly LaneResult[]): object {
  return {
    type: "demo",
    lanes: lanes.map((lane) => ({
      strategy: lane.strategy,
      thread_id: lane.threadId,
      timeline: lane.timeline,
      statuses: lane.statuses,
      labels: lane.labels,
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
