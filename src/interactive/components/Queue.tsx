// Messages sent in this session that are not finished (and recently finished ones): text,
// strategy, status with a spinner, elapsed time. Rejected and failed ones stay until dismissed.
import { Box, Text } from "ink";
import { isTerminal, type MessageStatus, type OutgoingMessage } from "../../engine/types.js";
import { neutralise, oneLine } from "../../sanitize.js";

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
export const RECENT_MS = 4000;

const LOOK: Record<MessageStatus, { color: string; mark?: string; label: string }> = {
  sending: { color: "yellow", label: "sending" },
  pending: { color: "yellow", label: "pending" },
  running: { color: "cyan", label: "running" },
  success: { color: "green", mark: "✓", label: "success" },
  error: { color: "red", mark: "✗", label: "error" },
  interrupted: { color: "magenta", mark: "■", label: "interrupted" },
  rolled_back: { color: "magenta", mark: "↺", label: "rolled back" },
  rejected: { color: "red", mark: "✗", label: "rejected" },
  failed: { color: "red", mark: "!", label: "failed" },
};

/** What the queue shows at time `now`: unfinished, recent, and undismissed refusals. */
export function visibleInQueue(messages: readonly OutgoingMessage[], now: number, dismissed: ReadonlySet<number>) {
  return messages.filter((m) => {
    if (!isTerminal(m.status)) return true;
    if (m.status === "rejected" || m.status === "failed") return !dismissed.has(m.index);
    return now - (m.finishedAt ?? now) < RECENT_MS;
  });
}

/** Multi-line messages keep a visible mark where their lines break. */
const shorten = (text: string, max: number) => oneLine(neutralise(text).replace(/\n/g, " ⏎ "), max);

export interface QueueProps {
  messages: readonly OutgoingMessage[];
  now: number;
  columns: number;
}

export function Queue({ messages, now, columns }: QueueProps) {
  if (messages.length === 0) return null;
  const frame = SPINNER[Math.floor(now / 80) % SPINNER.length];
  return (
    <Box flexDirection="column">
      {messages.map((m) => {
        const look = LOOK[m.status];
        const seconds = (((m.finishedAt ?? now) - m.sentAt) / 1000).toFixed(1);
        const fixed = `${look.label} ${m.strategy} ${seconds}s #${m.index + 1}`.length + 8;
        return (
          <Box key={m.index} flexDirection="column">
            <Text wrap="truncate">
              <Text color={look.color}>{look.mark ?? frame} </Text>
              <Text dimColor>#{m.index + 1} </Text>
              <Text color={look.color} bold={m.status === "rejected"}>{look.label}</Text>
              <Text dimColor> {m.strategy} {seconds}s </Text>
              <Text>{shorten(m.text, Math.max(8, columns - fixed))}</Text>
            </Text>
            {m.detail && (m.status !== "success" || m.status === undefined) ? (
              <Text color={look.color} wrap="truncate">
                {"  "}
                {shorten(m.detail, Math.max(8, columns - 4))}
              </Text>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}
