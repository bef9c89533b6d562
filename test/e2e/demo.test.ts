// `chat demo` through the built CLI: --json as data, plain text when not a terminal, bad input.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "chat-demo-"));
});
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});
const env = () => ({ CHAT_CONFIG_DIR: home, CHAT_DEMO_LATENCY_MS: "300" });

it("--json --strategies reject,enqueue prints the observed lanes as data", async () => {
  const r = await runCli(["demo", "--json", "--strategies", "reject,enqueue"], { env: env() });
  expect(r.code).toBe(0);
  const data = JSON.parse(r.stdout) as {
    type: string;
    lanes: Array<{ strategy: string; statuses: string[]; what_happened: string; timeline: unknown[] }>;
  };
  expect(data.type).toBe("demo");
  expect(data.lanes.map((l) => [l.strategy, l.statuses])).toEqual([
    ["reject", ["success", "rejected"]],
    ["enqueue", ["success", "success"]],
  ]);
  expect(data.lanes[0]?.what_happened).toMatch(/^The second message was rejected \(HTTP 422\)/);
  expect(data.lanes[1]?.timeline.length).toBeGreaterThan(5);
});

it("prints a plain-text summary when stdout is not a terminal", async () => {
  const r = await runCli(["demo", "--strategies", "interrupt"], { env: env() });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^== interrupt == thread [0-9a-f-]{36}\n {2}timeline:\n/);
  expect(r.stdout).toMatch(
    /what happened: The first run was interrupted after its tool call; its partial messages stay in the thread \(3 messages\)/,
  );
  expect(r.stdout).not.toMatch(/\x1b/);
});

it("an unknown strategy in --strategies is a usage error", async () => {
  const r = await runCli(["demo", "--strategies", "reject,yolo"], { env: env() });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--strategies takes a comma-separated list .* \(not yolo\)/);
});
