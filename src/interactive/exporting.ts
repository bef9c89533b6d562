// /export <file> in the UI: the thread in view, read from the server now, written to a file by the
// command layer (commands/export.ts); one line says where it went, or why it did not.
import { errorMessage } from "../errors.js";
import type { ControllerOptions } from "./snapshot.js";

export async function exportInto(
  write: ControllerOptions["exportThread"],
  threadId: string,
  { file, replace }: { readonly file: string; readonly replace: boolean },
  say: (text: string, tone?: "notice" | "warning") => void,
): Promise<void> {
  if (!write) return say("/export is not available here", "warning");
  try {
    say(await write(threadId, file, replace));
  } catch (err) {
    say(`not exported: ${errorMessage(err)}`, "warning");
  }
}
