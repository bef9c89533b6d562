// The transcript: printed once above the live region (Ink's <Static>). Memoised on its items: Ink
// redraws at once, unthrottled, whenever <Static> re-renders, which would be every streamed token.
import { memo } from "react";
import { Static, Text } from "ink";
import type { TranscriptItem } from "../transcript.js";

const TONE: Record<string, string | undefined> = { warning: "yellow", question: "cyan" };

function Item({ item }: { item: TranscriptItem }) {
  return (
    <Text dimColor={item.tone === "notice"} color={TONE[item.tone ?? "plain"]}>
      {item.text}
    </Text>
  );
}

const renderItem = (item: TranscriptItem) => <Item key={item.key} item={item} />;

export const TranscriptView = memo(function TranscriptView({ items }: { items: TranscriptItem[] }) {
  return <Static items={items}>{renderItem}</Static>;
});
