// Which assistant a thread belongs to: the one its last run used, as the server records it in the
// thread's metadata (graph_id, assistant_id). Continuing a thread without --assistant uses that
// one, so an answer to a waiting thread goes to the graph that asked. Pure.
import { createHash } from "node:crypto";
import { UsageError } from "../errors.js";
import { isRecord } from "../engine/message.js";

/** The namespace both LangGraph servers make a graph's default assistant id in (uuid5). */
const NAMESPACE_GRAPH = "6ba7b821-9dad-11d1-80b4-00c04fd430c8";

/** RFC 4122 version 5 (SHA-1) UUID of `name` in `namespace`. */
export function uuid5(name: string, namespace = NAMESPACE_GRAPH): string {
  const bytes = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name)
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ThreadSeen {
  readonly metadata?: unknown;
  readonly status?: unknown;
}

/**
 * The assistant the thread last ran: its graph id when that run used the graph's own default
 * assistant (what chat sends by name), else the assistant's id; undefined for a thread never run.
 */
export function threadAssistant(thread: ThreadSeen): string | undefined {
  const { graph, assistant } = ranWith(thread);
  if (graph && (!assistant || assistant === uuid5(graph))) return graph;
  return assistant ?? graph;
}

/** Whether `wanted` (a graph id or an assistant id) names the assistant the thread ran. */
function sameAssistant(wanted: string, thread: ThreadSeen): boolean {
  const { graph, assistant } = ranWith(thread);
  return wanted === graph || wanted === assistant;
}

/** The graph and assistant ids the server recorded for the thread's last run. */
function ranWith(thread: ThreadSeen): { graph?: string; assistant?: string } {
  const metadata = isRecord(thread.metadata) ? thread.metadata : {};
  return {
    ...(typeof metadata.graph_id === "string" ? { graph: metadata.graph_id } : {}),
    ...(typeof metadata.assistant_id === "string" ? { assistant: metadata.assistant_id } : {}),
  };
}

/**
 * The assistant to continue a thread with. Without one asked for, the thread's own; one asked for
 * is used as asked, unless the thread waits for an answer in another (the answer would go to a
 * graph that never asked, and the question would be lost).
 */
export function assistantForThread(
  thread: ThreadSeen & { readonly thread_id: string },
  asked: { readonly assistant: string; readonly from?: string },
): string {
  const own = threadAssistant(thread);
  if (!asked.from || !own) return own ?? asked.assistant;
  if (thread.status === "interrupted" && !sameAssistant(asked.assistant, thread)) {
    const leave = asked.from === "--assistant" ? "leave out --assistant" : `unset ${asked.from}`;
    throw new UsageError(
      `thread ${thread.thread_id} is waiting for an answer in assistant ${own}, not ${asked.assistant} (${asked.from}): ${leave}, or give --assistant ${own}`,
    );
  }
  return asked.assistant;
}
