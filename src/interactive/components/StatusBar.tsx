// One line: where we are talking to, which thread, which strategy the next message gets.
import { Box, Text } from "ink";
import type { ConnectionState } from "../../engine/types.js";
import type { Strategy } from "../../strategies.js";
import { neutralise } from "../../sanitize.js";

const CONNECTION: Record<ConnectionState, { label: string; color: string }> = {
  connected: { label: "connected", color: "green" },
  reconnecting: { label: "reconnecting…", color: "yellow" },
  offline: { label: "offline", color: "red" },
};

export interface StatusBarProps {
  deployment: string;
  assistant: string;
  threadId: string;
  strategy: Strategy;
  connection: ConnectionState;
  /** The agent waits for an answer. */
  waiting?: boolean;
  /** New messages are held while a run may still ask. */
  hold?: boolean;
}

export function StatusBar({ deployment, assistant, threadId, strategy, connection, waiting, hold }: StatusBarProps) {
  const c = CONNECTION[connection];
  return (
    <Box flexWrap="wrap" columnGap={1}>
      <Text dimColor>{neutralise(deployment)}</Text>
      <Text dimColor>·</Text>
      <Text dimColor>{neutralise(assistant)}</Text>
      <Text dimColor>·</Text>
      <Text dimColor>thread {neutralise(threadId.slice(0, 8))}</Text>
      <Text dimColor>·</Text>
      <Text>
        strategy{" "}
        <Text bold color="cyan">
          {strategy}
        </Text>
      </Text>
      {hold ? <Text dimColor>·</Text> : null}
      {hold ? <Text color="cyan">hold</Text> : null}
      <Text dimColor>·</Text>
      <Text color={c.color}>{c.label}</Text>
      {waiting ? <Text dimColor>·</Text> : null}
      {waiting ? <Text color="yellow">waiting for your answer</Text> : null}
    </Box>
  );
}
