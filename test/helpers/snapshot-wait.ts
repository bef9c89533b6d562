// Waiting on the UI controller's snapshot, not on time: resolves once `check` holds (at once if it
// already does); fails after `ms` naming what it waited for, with the transcript so far.
import type { ChatController, ChatSnapshot } from "../../src/interactive/controller.js";

export function snapshotUntil(
  controller: ChatController,
  what: string,
  check: (s: ChatSnapshot) => boolean,
  ms = 5000,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      off();
      if (ok) resolve();
      else
        reject(
          new Error(
            `never: ${what}\n${controller
              .getSnapshot()
              .items.map((i) => i.text)
              .join("\n")}`,
          ),
        );
    };
    const timer = setTimeout(() => done(false), ms);
    const off = controller.subscribe(() => void (check(controller.getSnapshot()) && done(true)));
    if (check(controller.getSnapshot())) done(true);
  });
}
