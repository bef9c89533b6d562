// One lane of `chat demo`: a new thread, a first message, then — mid-way through its run — a
// second one with the strategy under test. Records what was observed, with times. No React.
import { setTimeout as sleep } from "node:timers/promises";
import { Session } from "../engine/session.js";
import type { EngineClient } from "../engine/sdk.js";
import type { MessageStatus } from "../engine/status.js";
import { outcomeEvent, outcomeLabel } from "../faces/status-looks.js";
import type { Strategy } from "../strategies.js";
import { messagesOf, type MessageDict } from "../engine/message.js";
import type { SessionEvent } from "../engine/types.js";

export const FIRST = "what's the weather in sf?";
export const SECOND = "what's the weather in nyc?";

export interface TimelineEntry {
  /** Milliseconds since the lane started. */
  readonly t: number;
  /** 1 or 2: which message's run. */
  readonly run: 1 | 2;
  readonly what: string;
}

export interface LaneResult {
  readonly strategy: Strategy;
  readonly threadId: string;
  readonly timeline: readonly TimelineEntry[];
  readonly statuses: readonly [MessageStatus, MessageStatus];
  /** How every face words each (a run stopped early: interrupted, cancelled, stopped, never ran). */
  readonly labels: readonly [string, string];
  readonly details: readonly [string | undefined, string | undefined];
  /** Each run's own final status on the server, when it still exists. */
  readonly serverStatuses: readonly [string | undefined, string | undefined];
  readonly httpStatus?: number;
  /** The first run's status when the second message was sent. */
  readonly firstWhenSecondSent: MessageStatus;
  /** Whether the first run had made its tool call when the second message was sent. */
  readonly toolCallBeforeSecond: boolean;
  /** The thread's messages at the end, and which of them each message's run left. */
  readonly messages: readonly MessageDict[];
  readonly leftBy: readonly [number, number];
}

export interface LaneOptions {
  client: EngineClient & { threads: { create(): Promise<{ thread_id: string }> } };
  createClient: EngineClient;
  assistant: string;
  strategy: Strategy;
  /** Send the second message this long after the first; default: right after its tool call. */
  afterMs?: number;
  onEntry?(entry: TimelineEntry): void;
}

export async function runLane(options: LaneOptions): Promise<LaneResult> {
  const start = Date.now();
  const timeline: TimelineEntry[] = [];
  const note = (run: 1 | 2, what: string) => {
    const entry = { t: Date.now() - start, run, what };
    timeline.push(entry);
    options.onEntry?.(entry);
  };
  const thread = await options.client.threads.create();
  const session = await Session.open({
    client: options.client,
    createClient: options.createClient,
    assistantId: options.assistant,
    threadId: thread.thread_id,
    fresh: true,
  });
  let toolCalled = false;
  const toolCall = new Promise<void>((resolve) => {
    session.subscribe((event) => {
      if (noteEvent(event, note) === "first tool call") {
        toolCalled = true;
        resolve();
      }
    });
  });
  session.send(FIRST, "enqueue");
  if (options.afterMs !== undefined) await sleep(options.afterMs);
  else await Promise.race([toolCall, session.whenIdle()]);
  const firstWhenSecondSent = session.getSnapshot()[0]?.status ?? "sending";
  const toolCallBeforeSecond = toolCalled;
  note(2, `sent with ${options.strategy}`);
  session.send(SECOND, options.strategy);
  await session.whenIdle();

  const [first, second] = session.getSnapshot();
  const messages = messagesOf((await options.client.threads.getState(thread.thread_id)).values);
  return {
    strategy: options.strategy,
    threadId: thread.thread_id,
    timeline,
    statuses: [first?.status ?? "failed", second?.status ?? "failed"],
    labels: [outcomeLabel(first ?? { status: "failed" }), outcomeLabel(second ?? { status: "failed" })],
    details: [first?.detail, second?.detail],
    serverStatuses: [first?.serverStatus, second?.serverStatus],
    httpStatus: second?.httpStatus,
    firstWhenSecondSent,
    toolCallBeforeSecond,
    messages,
    leftBy: leftBy(messages, first?.messageId, second?.messageId),
  };
}

/** Puts a session event on the timeline; says when it was the first run's tool call. */
function noteEvent(event: SessionEvent, note: (run: 1 | 2, what: string) => void): "first tool call" | undefined {
  if (event.type === "status") {
    const m = event.message;
    const words = outcomeEvent(m);
    if (words) note(m.index === 0 ? 1 : 2, m.status === "rejected" && m.httpStatus ? `${words} (HTTP ${m.httpStatus})` : words);
  } else if (
    event.type === "stream" &&
    event.event === "updates" &&
    !event.namespace &&
    typeof event.data === "object" &&
    event.data
  ) {
    const run = event.index === 0 ? 1 : 2;
    if ("tools" in event.data) {
      note(run, "tool call answered");
      if (run === 1) return "first tool call";
    } else if ("agent" in event.data) note(run, "model step");
  }
  return undefined;
}

/** How many of the thread's messages each run left, found by each run's human message id. */
function leftBy(messages: readonly MessageDict[], firstId?: string, secondId?: string): [number, number] {
  const secondStart = messages.findIndex((m) => m.id === secondId);
  const firstStart = messages.findIndex((m) => m.id === firstId);
  return [
    firstStart < 0 ? 0 : (secondStart < 0 ? messages.length : secondStart) - firstStart,
    secondStart < 0 ? 0 : messages.length - secondStart,
  ];
}
