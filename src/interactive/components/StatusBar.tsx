// One line: where we are talking to, which thread, which strategy the next message gets.
import { Box, Text } from "ink";
import { statusParts, type StatusBarProps } from "../status-parts.js";

export function StatusBar(props: StatusBarProps) {
  return (
    <Box flexWrap="wrap" columnGap={1}>
      {statusParts(props).map((part, i) => (
        <Text key={i} dimColor={part.dim} color={part.color} wrap="truncate">
          {part.text}
        </Text>
      ))}
    </Box>
  );
}
