// Continuing threads with the built CLI: only new messages are printed, a run cut off by a
// crash does not block the thread, and --timeout gives up with exit code 1.
import { spawn } from "node:child_process";
import { Client } from "@langchain/langgraph-sdk";
import { expect, it } from "vitest";
import { runningDeployment } from "../../src/deployment/lock.js";
import { localDataDir } from "../../src/settings/paths.js";
import { BIN } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import { serverPidsLeftUnder, serverPidsUnder } from "../helpers/processes.js";
import { waitUntil } from "../helpers/wait.js";

const e2e = e2eSetup({ env: { CHAT_DEMO_LATENCY_MS: "100" } });
const titles = (out: string) => out.split("\n").filter((l) => /^=+ \w+ Message =+$/.test(l));

const threadOf = (ndjson: string) => (JSON.parse(ndjson.trim().split("\n").at(-1) ?? "{}") as { thread_id: string }).thread_id;

it("--thread continues a thread and prints only the new run's messages", async () => {
  const first = await e2e.cli(["--json", "-m", "what's the weather in sf?"]);
  expect(first.code).toBe(0);
  const thread = threadOf(first.stdout);
  const second = await e2e.cli(["--thread", thread, "-m", "what's the weather in nyc?"]);
  expect(second.code).toBe(0);
  expect(titles(second.stdout)).toHaveLength(4);
  expect(second.stdout).toMatch(/^=+ Human Message =+\n\nwhat's the weather in nyc\?\n/);
  expect(second.stdout).not.toContain("San Francisco");
});

it("a run cut off when chat was killed does not block its thread afterwards", async () => {
  const child = spawn(process.execPath, [BIN, "--json", "-m", "what's the weather in sf?"], {
    env: e2e.spawnEnv({ CHAT_DEMO_LATENCY_MS: "3000" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let thread = "";
  try {
    const run = await new Promise<string>((resolve) => {
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        const sent = d.split("\n").find((l) => l.includes('"type":"sent"'));
        if (sent) {
          const event = JSON.parse(sent) as { thread_id: string; run_id: string };
          thread = event.thread_id;
          resolve(event.run_id);
        }
      });
    });
    // Once the run is running on chat's local deployment (found by its lock file), kill chat
    // outright: the server notices and flushes its data.
    const deployment = runningDeployment(localDataDir(e2e.env()));
    expect(deployment, "chat's lock file names its local deployment").toBeDefined();
    const client = new Client({ apiUrl: deployment?.url, apiKey: deployment?.key });
    await waitUntil(async () => (await client.runs.get(thread, run)).status === "running", {
      what: "chat's run to be running on its local deployment",
    });
  } finally {
    child.kill("SIGKILL");
  }
  expect(await serverPidsLeftUnder(e2e.home)).toEqual([]);

  const again = await e2e.cli(["--thread", thread, "--timeout", "30", "-m", "what's the weather in nyc?"]);
  expect(again.stderr).toMatch(/\[1\] success/);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/New York City right now/);
});

it("--timeout gives up with exit code 1 and says how many messages were unfinished", async () => {
  const r = await e2e.cli(["--timeout", "0.5", "-m", "what's the weather in sf?"], { env: { CHAT_DEMO_LATENCY_MS: "2000" } });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/timed out after 0\.5s: 1 run\(s\) unfinished; the local deployment stops with chat/);
  expect(serverPidsUnder(e2e.home)).toEqual([]);
});
