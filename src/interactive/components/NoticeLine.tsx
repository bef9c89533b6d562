// The passing word above the input (a strategy's sentence, hold on or off, what a cancel asked):
// one line, cut to the window, replaced by the next; not part of the transcript.
import { Text } from "ink";
import { neutralise } from "../../sanitize.js";
import type { Notice } from "../snapshot.js";

export function NoticeLine({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  return (
    <Text color={notice.tone === "warning" ? "yellow" : "gray"} wrap="truncate-end">
      {neutralise(`· ${notice.text}`)}
    </Text>
  );
}
