// Where the printer's raw JSON comes from. The SDK JSON.parses every answer itself, which loses
// what Python's pretty_print shows: member order ({"b": 1, "9": 2} would print '9' first) and
// each number's written form (20.0 would print as 20). Transcripts are printed from thread
// states (GET /threads/{id}/state), so this fetch, given to the SDK as callerOptions.fetch,
// parses those answers keeping their form (json-form.ts): the SDK still gets the very plain
// value JSON.parse would give, and the printer finds how each object was written. Every other
// request, and all streaming, passes through untouched; the rest of chat sees plain values.
import { parseKeepingForm } from "../pretty-print/json-form.js";

/** The thread state, or a checkpoint's: /threads/{id}/state and /threads/{id}/state/{checkpoint}. */
const STATE_PATH = /\/threads\/[^/]+\/state(\/[^/]+)?$/;

function urlOf(input: Parameters<typeof fetch>[0]): URL {
  return new URL(input instanceof Request ? input.url : String(input));
}

/** The same answer, whose json() keeps the form; its body is the same text, unread. */
function keepingForm(text: string, from: Response): Response {
  const response = new Response(text, { status: from.status, statusText: from.statusText, headers: from.headers });
  const json = async (): Promise<unknown> => {
    try {
      return parseKeepingForm(text);
    } catch {
      // Not strict JSON (a NaN, say): JSON.parse decides, as it would have without us.
      return JSON.parse(text) as unknown;
    }
  };
  Object.defineProperty(response, "json", { value: json });
  return response;
}

export function formKeepingFetch(base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    if (!response.ok || method !== "GET" || !STATE_PATH.test(urlOf(input).pathname)) return response;
    return keepingForm(await response.text(), response);
  };
}
