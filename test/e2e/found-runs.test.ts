// A thread opened with runs still on their way (sent before chat quit, or by another client):
// chat follows them like its own, says which they are, and prints their output in queue order.
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { waitUntil } from "../helpers/wait.js";

// Runs slow enough (seconds) that a chat started on a loaded machine still finds them in flight.
const e2e = e2eSetup({ server: { latencyMs: 2000, nWorkers: 1 } });

it("runs pending or running on a thread when chat opens it are followed and printed, before chat's own", async () => {
  const { client } = e2e.server;
  const { thread_id: thread } = await client.threads.create();
  const send = (content: string) =>
    client.runs.create(thread, "agent", { input: { messages: [{ type: "human", content }] }, multitaskStrategy: "enqueue" });
  const first = await send("what's the weather in sf?");
  await send("what's the weather in nyc?");
  await waitUntil(async () => (await client.runs.get(thread, first.run_id)).status === "running", {
    what: "the first run to be running",
  });

  const r = await e2e.cli(["--url", e2e.url, "--thread", thread, "-m", "what's the weather in la?"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /^\[1\] already on the thread \(running\): what's the weather in sf\?\n\[2\] already on the thread \(pending\): what's the weather in nyc\?\n/,
  );
  expect(r.stderr).toMatch(/\[1\] success\b[\s\S]*\[2\] success\b[\s\S]*\[3\] success\b/);
  const humans = r.stdout.split("\n").filter((_, i, lines) => /Human Message/.test(lines[i - 2] ?? ""));
  expect(humans).toEqual(["what's the weather in sf?", "what's the weather in nyc?", "what's the weather in la?"]);
});

it("--thread with no message (stdin not a terminal) follows the runs in flight to their end and prints them", async () => {
  const { client } = e2e.server;
  const { thread_id: thread } = await client.threads.create();
  const run = await client.runs.create(thread, "agent", {
    input: { messages: [{ type: "human", content: "what's the weather in sf?" }] },
    multitaskStrategy: "enqueue",
  });
  const r = await e2e.cli(["--url", e2e.url, "--thread", thread], { input: "" });
  expect(r.stderr).toMatch(/^\[1\] already on the thread \((pending|running)\): what's the weather in sf\?\n/);
  expect(r.stderr).toMatch(/\[1\] success\b/);
  expect(r.stdout).toMatch(/Human Message =+\n\nwhat's the weather in sf\?\n[\s\S]*San Francisco/);
  expect(r.code).toBe(0);
  expect((await client.runs.get(thread, run.run_id)).status).toBe("success");
});
