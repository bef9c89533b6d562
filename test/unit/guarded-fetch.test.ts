// Redirects are followed by chat itself: the API key goes to the deployment's origin only.
import { expect, it } from "vitest";
import { keyGuardedFetch } from "../../src/deployment/guarded-fetch.js";

function fakeFetch(routes: Record<string, { status: number; location?: string }>) {
  const seen: Array<{ url: string; method: string; key: string | null; body: unknown }> = [];
  const base = (async (input: URL | Request | string, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    seen.push({ url, method: init?.method ?? "GET", key: headers.get("x-api-key"), body: init?.body });
    const route = routes[url] ?? { status: 200 };
    return new Response(null, { status: route.status, headers: route.location ? { location: route.location } : {} });
  }) as typeof fetch;
  return { base, seen };
}

it("keeps the key on a same-origin redirect and drops it when a redirect leaves the origin", async () => {
  const { base, seen } = fakeFetch({
    "http://127.0.0.1:2024/threads": { status: 307, location: "/v2/threads" },
    "http://127.0.0.1:2024/v2/threads": { status: 307, location: "http://localhost:9999/v2/threads" },
  });
  const fetchIt = keyGuardedFetch("http://127.0.0.1:2024", base);
  const r = await fetchIt("http://127.0.0.1:2024/threads", { method: "POST", body: "{}", headers: { "x-api-key": "secret" } });
  expect(r.status).toBe(200);
  expect(seen.map((s) => [s.url, s.method, s.key, s.body])).toEqual([
    ["http://127.0.0.1:2024/threads", "POST", "secret", "{}"],
    ["http://127.0.0.1:2024/v2/threads", "POST", "secret", "{}"],
    ["http://localhost:9999/v2/threads", "POST", null, "{}"],
  ]);
});

it("a 303 continues as a GET without the body; endless redirects end in an error", async () => {
  const { base, seen } = fakeFetch({ "http://a.test/x": { status: 303, location: "http://a.test/y" } });
  await keyGuardedFetch("http://a.test", base)("http://a.test/x", { method: "POST", body: "{}" });
  expect(seen.at(-1)).toMatchObject({ url: "http://a.test/y", method: "GET", body: undefined });
  const loop = fakeFetch({ "http://a.test/x": { status: 302, location: "http://a.test/x" } });
  await expect(keyGuardedFetch("http://a.test", loop.base)("http://a.test/x")).rejects.toThrow(/too many redirects/);
});
