// Messages sent in this session that are not finished (and recently finished ones): text,
// strategy, status with a spinner, elapsed time. Rejected and failed ones stay until dismissed.
import { Box, Text } from "ink";
import type { OutgoingMessage } from "../../engine/types.js";
import { STATUS, type StatusTone } from "../../engine/status.js";
import { neutralise, oneLine } from "../../sanitize.js";

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
        const look = STATUS[m.status];
        const color = TONE_COLOUR[look.tone];
        const seconds = (Math.max(0, (m.finishedAt ?? now) - m.sentAt) / 1000).toFixed(1);
        const fixed = `${look.label} ${m.strategy} ${seconds}s #${m.index + 1}`.length + 8;
        return (
          <Box key={m.index} flexDirection="column">
            <Text wrap="truncate">
              <Text color={color}>{look.mark ?? frame} </Text>
              <Text dimColor>#{m.index + 1} </Text>
              <Text color={color} bold={look.refused}>
                {look.label}
              </Text>
              <Text dimColor>
                {" "}
                {m.strategy} {seconds}s{" "}
              </Text>
              <Text>{shorten(m.text, Math.max(8, columns - fixed))}</Text>
            </Text>
            {m.detail && m.status !== "success" ? (
              <Text color={color} wrap="truncate">
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
