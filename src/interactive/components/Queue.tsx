// Messages sent in this session that are not finished (and recently finished ones): text,
// strategy, status with a spinner, elapsed time. Rejected and failed ones stay until dismissed.
import { Box, Text } from "ink";
import type { OutgoingMessage } from "../../engine/types.js";
import { isRefused } from "../../engine/status.js";
import { STATUS_LOOKS, outcomeLabel, type StatusTone } from "../../faces/status-looks.js";
import { neutralise, oneLine } from "../../sanitize.js";
import { queueOrder } from "../queue-rules.js";

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
export const TONE_COLOUR: Record<StatusTone, string> = {
  waiting: "yellow",
  working: "cyan",
  done: "green",
  stopped: "magenta",
  bad: "red",
};

/** Multi-line messages keep a visible mark where their lines break. */
const shorten = (text: string, max: number) => oneLine(neutralise(text).replace(/\n/g, " ⏎ "), max);

/** A row's second line: why it ended as it did (for anything but success), unless its word says it all ("cancelled"). */
export const hasDetailLine = (m: OutgoingMessage) =>
  m.detail !== undefined && m.detail !== "" && m.status !== "success" && m.detail !== outcomeLabel(m);
/** Lines a message's row takes. */
export const rowHeight = (m: OutgoingMessage) => (hasDetailLine(m) ? 2 : 1);

/**
 * The rows that fit in `maxLines`, in the queue's order (running first, then pending, then what
 * finished), and the rest (summarised in one line) when not all do.
 */
export function fitQueue(messages: readonly OutgoingMessage[], maxLines: number) {
  const ordered = queueOrder(messages);
  const total = ordered.reduce((n, m) => n + rowHeight(m), 0);
  if (total <= maxLines) return { shown: ordered, rest: [] as OutgoingMessage[] };
  const shown: OutgoingMessage[] = [];
  let used = 1; // the summary line
  for (const m of ordered) {
    if (used + rowHeight(m) > maxLines) break;
    shown.push(m);
    used += rowHeight(m);
  }
  return { shown, rest: ordered.slice(shown.length) };
}

/** "… 37 more: 30 pending, 7 rejected". */
export function restSummary(rest: readonly OutgoingMessage[]): string {
  const counts = new Map<string, number>();
  for (const m of rest) counts.set(outcomeLabel(m), (counts.get(outcomeLabel(m)) ?? 0) + 1);
  return `… ${rest.length} more: ${[...counts].map(([label, n]) => `${n} ${label}`).join(", ")}`;
}

export interface QueueProps {
  messages: readonly OutgoingMessage[];
  now: number;
  columns: number;
  /** Lines it may take; the rows that do not fit are summarised. */
  maxLines?: number;
}

export function Queue({ messages, now, columns, maxLines = Infinity }: QueueProps) {
  if (messages.length === 0 || maxLines < 1) return null;
  const frame = SPINNER[Math.floor(now / 80) % SPINNER.length];
  const { shown, rest } = fitQueue(messages, maxLines);
  return (
    <Box flexDirection="column">
      {shown.map((m) => {
        const look = STATUS_LOOKS[m.status];
        const label = outcomeLabel(m);
        const color = TONE_COLOUR[look.tone];
        const seconds = (Math.max(0, (m.finishedAt ?? now) - m.sentAt) / 1000).toFixed(1);
        const tokens = m.usage ? `${m.usage.total_tokens} tok ` : "";
        const fixed = `${label} ${m.strategy} ${seconds}s ${tokens}#${m.index + 1}`.length + 8;
        return (
          <Box key={m.index} flexDirection="column">
            <Text wrap="truncate">
              <Text color={color}>{look.mark ?? frame} </Text>
              <Text dimColor>#{m.index + 1} </Text>
              <Text color={color} bold={isRefused(m.status)}>
                {label}
              </Text>
              <Text dimColor>
                {" "}
                {m.strategy} {seconds}s {tokens}
              </Text>
              <Text>{shorten(m.text, Math.max(8, columns - fixed))}</Text>
            </Text>
            {hasDetailLine(m) ? (
              <Text color={color} wrap="truncate">
                {"  "}
                {shorten(m.detail ?? "", Math.max(8, columns - 4))}
              </Text>
            ) : null}
          </Box>
        );
      })}
      {rest.length ? (
        <Text dimColor wrap="truncate">
          {restSummary(rest)}
        </Text>
      ) : null}
    </Box>
  );
}
