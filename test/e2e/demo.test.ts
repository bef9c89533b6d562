// `chat demo` through the built CLI: --json as data, plain text when not a terminal, bad input.
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";

const e2e = e2eSetup({ env: { CHAT_DEMO_LATENCY_MS: "300" } });

it("--json --strategies reject,enqueue prints the observed lanes as data", async () => {
  const r = await e2e.cli(["demo", "--json", "--strategies", "reject,enqueue"]);
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
  const r = await e2e.cli(["demo", "--strategies", "interrupt"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^== interrupt == thread [0-9a-f-]{36}\n {2}timeline:\n/);
  expect(r.stdout).toMatch(
    /what happened: The first run was interrupted after its tool call; its partial messages stay in the thread \(3 messages\)/,
  );
  expect(r.stdout).not.toMatch(/\x1b/);
});

it("an unknown strategy in --strategies is a usage error", async () => {
  const r = await e2e.cli(["demo", "--strategies", "reject,yolo"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--strategies takes a comma-separated list .* \(not yolo\)/);
});
