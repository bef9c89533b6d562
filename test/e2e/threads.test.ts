// Continuing threads with the built CLI: only new messages are printed, a run cut off by a
// crash does not block the thread, and --timeout gives up with exit code 1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";
import { serverPidsUnder } from "../helpers/processes.js";

let home: string;
const env = (latency = "100") => ({ CHAT_CONFIG_DIR: home, CHAT_DEMO_LATENCY_MS: latency });
const titles = (out: string) => out.split("\n").filter((l) => /^=+ \w+ Message =+$/.test(l));

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "chat-threads-"));
});
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

const threadOf = (ndjson: string) => (JSON.parse(ndjson.trim().split("\n").at(-1) ?? "{}") as { thread_id: string }).thread_id;

it("--thread continues a thread and prints only the new run's messages", async () => {
  const first = await runCli(["--json", "-m", "what's the weather in sf?"], { env: env() });
  expect(first.code).toBe(0);
  const thread = threadOf(first.stdout);
  const second = await runCli(["--thread", thread, "-m", "what's the weather in nyc?"], { env: env() });
  expect(second.code).toBe(0);
  expect(titles(second.stdout)).toHaveLength(4);
  expect(second.stdout).toMatch(/^=+ Human Message =+\n\nwhat's the weather in nyc\?\n/);
  expect(second.stdout).not.toContain("San Francisco");
});

it("a run cut off when chat was killed does not block its thread afterwards", async () => {
  const child = spawn(process.execPath, [BIN, "--json", "-m", "what's the weather in sf?"], {
    env: { ...process.env, ...env("3000") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let thread = "";
  try {
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        const sent = d.split("\n").find((l) => l.includes('"type":"sent"'));
        if (sent) {
          thread = (JSON.parse(sent) as { thread_id: string }).thread_id;
          resolve();
        }
      });
    });
    // Let the run start, then kill chat outright: the server notices and flushes its data.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  } finally {
    child.kill("SIGKILL");
  }
  for (let i = 0; i < 100 && serverPidsUnder(home).length; i++) await new Promise((r) => setTimeout(r, 50));
  expect(serverPidsUnder(home)).toEqual([]);

  const again = await runCli(["--thread", thread, "--timeout", "30", "-m", "what's the weather in nyc?"], { env: env() });
  expect(again.stderr).toMatch(/\[1\] success/);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/New York City right now/);
});

it("--timeout gives up with exit code 1 and says how many messages were unfinished", async () => {
  const r = await runCli(["--timeout", "0.5", "-m", "what's the weather in sf?"], { env: env("2000") });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/timed out after 0\.5s: 1 run\(s\) unfinished; the local deployment stops with chat/);
  expect(serverPidsUnder(home)).toEqual([]);
});
