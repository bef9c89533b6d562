// The non-interactive face: sends each message as it comes, prints each finished run's new
// messages to stdout in queue order (or NDJSON with --json), status to stderr, returns an exit code.
import { setTimeout as sleep } from "node:timers/promises";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../errors.js";
import type { Session } from "../engine/session.js";
import type { OutgoingMessage, SessionEvent } from "../engine/types.js";
import { isTerminal, statusLabel } from "../engine/status.js";
import type { Strategy } from "../strategies.js";
import { prettyTranscript, type Theme } from "../pretty-print/pretty.js";
import { neutralise, safeJson } from "../sanitize.js";

export interface ScriptedOptions {
  strategy: Strategy;
  gapMs: number;
  json: boolean;
  timeoutMs?: number;
  theme: Theme;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** How the messages ended, as one exit code: errors first, then rejections. */
export function exitCodeFor(messages: readonly OutgoingMessage[], timedOut: boolean): ExitCode {
  if (timedOut || messages.some((m) => m.status === "error" || m.status === "failed")) return EXIT.runFailed;
  if (messages.some((m) => m.status === "rejected")) return EXIT.rejected;
  return EXIT.ok;
}

function describe(m: OutgoingMessage): string {
  const status = statusLabel(m.status);
  const http = m.httpStatus ? ` (HTTP ${m.httpStatus})` : "";
  const detail = m.detail ? `: ${neutralise(m.detail)}` : "";
  return `[${m.index + 1}] ${status}${http}${detail}`;
}

/** NDJSON for an engine event; undefined for events the scripted face does not report. */
export function jsonEvent(event: SessionEvent, threadId: string): object | undefined {
  if (event.type === "messages") return { type: "messages", index: event.index + 1, messages: event.messages };
  if (event.type !== "status") return undefined;
  const m = event.message;
  const base = { index: m.index + 1 };
  if (m.status === "pending") {
    return { type: "sent", ...base, run_id: m.runId, thread_id: threadId, strategy: m.strategy, text: m.text };
  }
  if (m.status === "rejected") {
    return {
      type: "rejected",
      ...base,
      strategy: m.strategy,
      status: m.httpStatus ?? null,
      text: m.text,
      reason: m.detail ?? null,
    };
  }
  if (isTerminal(m.status)) {
    return {
      type: "finished",
      ...base,
      run_id: m.runId ?? null,
      status: m.status,
      server_status: m.serverStatus ?? null,
      detail: m.detail ?? null,
    };
  }
  return undefined;
}

export async function runScripted(session: Session, source: AsyncIterable<string>, options: ScriptedOptions): Promise<ExitCode> {
  const unsubscribe = session.subscribe((event) => {
    if (options.json) {
      const data = jsonEvent(event, session.threadId);
      if (data) options.stdout(`${safeJson(data)}\n`);
      return;
    }
    if (event.type === "messages") options.stdout(prettyTranscript(event.messages, options.theme));
    else if (event.type === "status") {
      const m = event.message;
      if (m.status === "pending") options.stderr(`[${m.index + 1}] sent with ${m.strategy}: ${neutralise(m.text)}\n`);
      else if (isTerminal(m.status)) options.stderr(`${describe(m)}\n`);
    }
  });

  let timedOut = false;
  const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
  const timeout = new Promise<void>((resolve) => {
    if (deadline === undefined) return;
    setTimeout(() => {
      timedOut = true;
      resolve();
    }, options.timeoutMs).unref();
  });

  const sending = (async () => {
    let first = true;
    for await (const text of source) {
      if (timedOut) break;
      if (!first && options.gapMs > 0) await sleep(options.gapMs);
      first = false;
      session.send(text, options.strategy);
    }
    if (first) throw new UsageError("no messages to send (give -m, --script or lines on stdin)");
    await session.whenIdle();
  })();
  try {
    await Promise.race([sending, timeout]);
  } finally {
    unsubscribe();
  }
  const messages = session.getSnapshot();
  if (timedOut) {
    sending.catch(() => {}); // still running; its outcome no longer matters
    const open = messages.filter((m) => !isTerminal(m.status)).length;
    options.stderr(`chat: timed out after ${(options.timeoutMs ?? 0) / 1000}s with ${open} message(s) unfinished\n`);
    session.close();
  }
  const code = exitCodeFor(messages, timedOut);
  if (options.json) options.stdout(`${safeJson({ type: "done", thread_id: session.threadId, exit_code: code })}\n`);
  return code;
}
