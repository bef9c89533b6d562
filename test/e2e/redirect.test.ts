// A deployment (or anything on the path) that redirects to another origin never receives the
// API key there: two loopback servers, one redirecting every request to the other.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";

const e2e = e2eSetup();
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

it("the API key is never sent to the origin a redirect points at", async () => {
  const elsewhere: Array<string | undefined> = [];
  const other = await listen((req, res) => {
    elsewhere.push(req.headers["x-api-key"] as string | undefined);
    res.writeHead(404).end();
  });
  const deployment = await listen((req, res) => {
    res.writeHead(307, { location: `http://localhost:${other}${req.url}` }).end();
  });
  const r = await e2e.cli(["--url", `http://127.0.0.1:${deployment}`, "-m", "hi"], {
    env: { LANGGRAPH_API_KEY: "sk-secret-key" },
  });
  expect(r.code).toBe(3);
  expect(elsewhere.length).toBeGreaterThan(0);
  expect(elsewhere.filter(Boolean)).toEqual([]);
  expect(r.stderr + r.stdout).not.toContain("sk-secret-key");
});
