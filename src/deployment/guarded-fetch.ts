// A fetch for the SDK that follows redirects itself, so the API key never goes to another origin:
// the fetch standard drops only Authorization on a cross-origin redirect, not x-api-key.
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const SECRET_HEADERS = ["x-api-key", "authorization"];
const MAX_HOPS = 10;

export function keyGuardedFetch(origin: string, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    let method = init?.method ?? "GET";
    let body = init?.body;
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      const response = await base(url, { ...init, method, body, headers, redirect: "manual" }).catch((err: unknown) => {
        throw refusedOr(err);
      });
      const location = response.headers.get("location");
      if (!REDIRECTS.has(response.status) || !location) return response;
      const next = new URL(location, url);
      // Leaving the deployment's origin: the key stays home.
      if (next.origin !== origin) for (const name of SECRET_HEADERS) headers.delete(name);
      // As browsers do: 303 (and 301/302 after a POST) continue as a GET without the body.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
        headers.delete("content-type");
      }
      url = next;
    }
    throw new Error(`too many redirects from ${origin}`);
  };
}

/**
 * A refused connection means the request never left: say so in the message (the SDK keeps only
 * the message), so a create that met one is known to have made nothing.
 */
function refusedOr(err: unknown): unknown {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  if (cause?.code !== "ECONNREFUSED") return err;
  return Object.assign(new Error("connection refused (ECONNREFUSED)", { cause: err }), { code: "ECONNREFUSED" });
}
