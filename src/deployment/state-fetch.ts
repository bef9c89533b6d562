// Where the printer's raw JSON comes from. The SDK JSON.parses every answer itself, which loses
// what Python's pretty_print shows: member order ({"b": 1, "9": 2} would print '9' first) and
// each number's written form (20.0 would print as 20). Transcripts are printed from thread
// states (GET /threads/{id}/state) and, for each run, its checkpoints (POST /threads/{id}/history), so this fetch, given to the SDK as callerOptions.fetch,
// keeps those answers' text with their messages (json-form.ts): the SDK still gets the very
// value JSON.parse gives, and the printer finds how each message was written. Every other
// request, and all streaming, passes through untouched; the rest of chat sees plain values.
import { parseWithLazyForm } from "../pretty-print/json-form.js";

/** The thread state, or a checkpoint's: /threads/{id}/state and /threads/{id}/state/{checkpoint}. */
const STATE_PATH = /\/threads\/[^/]+\/state(\/[^/]+)?$/;
/** A thread's checkpoints, newest first: where a finished run's own messages are read from. */
const HISTORY_PATH = /\/threads\/[^/]+\/history$/;

function urlOf(input: Parameters<typeof fetch>[0]): URL {
  return new URL(input instanceof Request ? input.url : String(input));
}

/** The same answer, whose json() keeps the messages' form; its body is the same text, unread. */
function keepingForm(text: string, from: Response, history: boolean): Response {
  const response = new Response(text, { status: from.status, statusText: from.statusText, headers: from.headers });
  // JSON.parse's value and its errors, as the SDK would have had them; the form is found lazily.
  const json = async (): Promise<unknown> => parseWithLazyForm(text, ["values", "messages"], history);
  Object.defineProperty(response, "json", { value: json });
  return response;
}

export function formKeepingFetch(base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const path = urlOf(input).pathname;
    const history = method === "POST" && HISTORY_PATH.test(path);
    if (!response.ok || (!history && (method !== "GET" || !STATE_PATH.test(path)))) return response;
    return keepingForm(await response.text(), response, history);
  };
}
