// Waiting for something to happen, never for a fixed time: each wait has a bound and, when it
// gives up, says what it waited for (a failure in seconds, with a reason, not a test timeout).
import { setTimeout as sleep } from "node:timers/promises";

export interface WaitOptions {
  /** What is awaited, for the failure message: "the first run to be running". */
  what: string;
  /** How long to wait at most (default 20 s). */
  ms?: number;
  /** How often to look (default 20 ms). */
  everyMs?: number;
  /** How things stood when it gave up, added to the failure message. */
  state?: () => unknown;
}

/** Resolves once `check` holds, looking every `everyMs`; rejects after `ms`, naming `what`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, options: WaitOptions): Promise<void> {
  const { what, ms = 20_000, everyMs = 20, state } = options;
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() >= end) {
      const now = state ? `; it was: ${JSON.stringify(state())}` : "";
      throw new Error(`waited ${ms} ms for ${what}, in vain${now}`);
    }
    await sleep(everyMs);
  }
}
