// The built-in deployment's door on the real server: its key, its own Host, no foreign web origin.
import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/local-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ latencyMs: 0 });
});
afterAll(() => server?.stop());

/** A raw request (node:http, so Host can be anything); status, body and CORS allowance. */
function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string; allow: string | undefined }>((resolve, reject) => {
    const req = request(new URL(path, server.deployment.url), { method, headers });
    req.on("error", reject);
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (d: string) => (text += d));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text,
          allow: res.headers["access-control-allow-origin"] as string | undefined,
        }),
      );
    });
    req.end(body);
  });
}

const search = (headers: Record<string, string>) =>
  call("POST", "/threads/search", { "content-type": "application/json", ...headers }, "{}");

it("answers its key only: none, a wrong one, or Studio's unchecked header get 401 and no data", async () => {
  const key = server.deployment.key ?? "";
  expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await server.client.threads.create({ metadata: { secret: "conversation" } });
  const refused: Array<Record<string, string>> = [
    {},
    { "x-api-key": "wrong" },
    { "x-api-key": `${key}x` },
    { "x-auth-scheme": "langsmith" },
  ];
  for (const headers of refused) {
    const r = await search(headers);
    expect(r.status).toBe(401);
    expect(r.body).not.toContain("conversation");
  }
  const ok = await search({ "x-api-key": key });
  expect(ok.status).toBe(200);
  expect(ok.body).toContain("conversation");
});

it("refuses a foreign Host (DNS rebinding) and a foreign Origin even with the key, and gives no CORS allowance", async () => {
  const key = server.deployment.key ?? "";
  const port = new URL(server.deployment.url).port;
  const rebound = await search({ "x-api-key": key, host: `attacker.example:${port}` });
  expect(rebound.status).toBe(403);
  expect(rebound.body).not.toContain("thread_id");
  const page = await search({ "x-api-key": key, origin: "https://evil.example" });
  expect(page.status).toBe(403);
  expect(page.allow).toBeUndefined();
  // A run cannot be started that way either.
  const thread = await server.client.threads.create();
  const run = await call(
    "POST",
    `/threads/${thread.thread_id}/runs`,
    { "content-type": "text/plain", origin: "https://evil.example" },
    JSON.stringify({ assistant_id: "agent", input: { messages: [{ role: "human", content: "hi" }] } }),
  );
  expect(run.status).toBe(403);
  expect(await server.client.runs.list(thread.thread_id)).toEqual([]);
  const preflight = await call("OPTIONS", "/threads/search", {
    origin: "https://evil.example",
    "access-control-request-method": "POST",
  });
  expect(preflight.allow).toBeUndefined();
  // Its own names work, on any port a tunnel or proxy gives them.
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost:8123"])
    expect((await search({ "x-api-key": key, host })).status).toBe(200);
  expect((await search({ "x-api-key": key, origin: `http://127.0.0.1:${port}` })).status).toBe(200);
});

it("answers /info (the server's version, as the official server always does) and nothing else without the key", async () => {
  const info = await call("GET", "/info", {});
  expect(info.status).toBe(200);
  expect(Object.keys(JSON.parse(info.body) as object).sort()).toEqual(["context", "flags", "version"]);
  for (const path of ["/assistants/search", "/threads/search", "/store/items/search", "/runs/search"])
    expect((await call("POST", path, { "content-type": "application/json" }, "{}")).status).toBe(401);
});
