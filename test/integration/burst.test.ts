// Ten messages enqueued in one burst against the real server come back complete and in order.
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordedSession, startTestServer, type TestServer } from "../helpers/local-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ latencyMs: 20, nWorkers: 2 });
});
afterAll(async () => {
  await server?.stop();
});

it("ten messages sent in one burst with enqueue all run, in send order, each emitted once", async () => {
  const s = await recordedSession(server);
  const places = ["sf", "nyc", "la", "paris", "tokyo", "oslo", "lima", "cairo", "rome", "delhi"];
  for (const place of places) s.session.send(`what's the weather in ${place}?`, "enqueue");
  await s.session.whenIdle();
  expect(s.session.getSnapshot().map((m) => m.status)).toEqual(places.map(() => "success"));
  const final = await s.threadMessages();
  expect(final).toHaveLength(40);
  expect(final.filter((m) => m.type === "human").map((m) => m.content)).toEqual(places.map((p) => `what's the weather in ${p}?`));
  expect(s.emitted().map((m) => m.id)).toEqual(final.map((m) => m.id));
  // Runs were emitted in queue order: each messages event follows the one before it.
  const order = s.events.flatMap((e) => (e.type === "messages" ? [e.index] : []));
  expect(order).toEqual(places.map((_, i) => i));
});
