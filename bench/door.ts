// What the built-in deployment's door (door.ts, the server's custom auth) costs a request: the
// check itself, run in process on a keyed request as chat sends it, against one whole
// threads.search round trip to the same deployment, measured in the same run.
import { Client } from "@langchain/langgraph-sdk";
import { openDoor, refusal } from "../src/server/door.js";
import { median } from "./stats.js";

export async function doorCost(url: string, key: string, runs: number): Promise<{ check: number; roundTrip: number }> {
  const port = Number(new URL(url).port);
  openDoor({ key, allowOrigins: [] }, "127.0.0.1", port);
  const headers = new Headers({ host: `127.0.0.1:${port}`, "x-api-key": key, "content-type": "application/json" });
  const checks: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) if (refusal(headers)) throw new Error("the bench's own request was refused");
    checks.push((performance.now() - started) / 10_000);
  }
  const client = new Client({ apiUrl: url, apiKey: key });
  const trips: number[] = [];
  for (let i = 0; i < runs * 10; i++) {
    const started = performance.now();
    await client.threads.search({ limit: 1 });
    trips.push(performance.now() - started);
  }
  return { check: median(checks), roundTrip: median(trips) };
}
