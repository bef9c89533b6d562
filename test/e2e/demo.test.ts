// `chat demo` through the built CLI: --json as data, plain text when not a terminal, the live
// lanes at a terminal, bad input.
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { loadPty } from "../helpers/pty.js";

const pty = await loadPty();
const e2e = e2eSetup({ env: { CHAT_DEMO_LATENCY_MS: "300" } });

it("--json --strategies reject,enqueue prints the observed lanes as data", async () => {
  const r = await e2e.cli(["demo", "--json", "--strategies", "reject,enqueue"]);
  expect(r.code, r.stderr).toBe(0);
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
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^== interrupt == thread [0-9a-f-]{36}\n {2}timeline:\n/);
  expect(r.stdout).toMatch(
    /what happened: The first run was interrupted after its tool call; its partial messages stay in the thread \(3 messages\)/,
  );
  expect(r.stdout).not.toMatch(/\x1b/);
});

it.skipIf(!pty)(
  "at 80x24 the live lanes show the two messages once at the top, and each lane its first and last lines",
  async () => {
    if (!pty) return;
    const s = e2e.terminal(pty, {}, 80, 24, ["demo"]);
    expect(await s.exited, s.text()).toBe(0);
    // The lanes' last frame stays above the summary: two lanes side by side, 39 columns each.
    const frame = s.text().slice(0, s.text().indexOf("== reject =="));
    const rows = frame.split("\n");
    expect(rows[0]).toBe(`#1 "what's the weather in sf?", then on the same thread`);
    expect(rows[1]).toBe(`#2 "what's the weather in nyc?", sent with each lane's strategy`);
    expect(frame.split("what's the weather in").length).toBe(3);
    const column = (from: number) => rows.map((row) => row.slice(from, from + 39)).join("\n");
    const lanes = `${column(0)}\n${column(39)}`;
    for (const strategy of ["reject", "interrupt", "rollback", "enqueue"]) {
      const lane = new RegExp(`│ ${strategy} ✓[^\\n]*\\n([^╰]*)╰`).exec(lanes)?.[1] ?? "";
      const entries = lane.split("\n").filter(Boolean);
      expect(entries[0], strategy).toMatch(/^│ +[\d.]+s {2}#1 created, pending +│$/);
      expect(entries.at(-1), strategy).toMatch(strategy === "reject" ? /#1 finished +│$/ : /#2 finished +│$/);
    }
    expect(lanes).toMatch(/#2 sent with interrupt[^]*#1 interrupted/);
  },
);

it("an unknown strategy in --strategies is a usage error", async () => {
  const r = await e2e.cli(["demo", "--strategies", "reject,yolo"]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/--strategies takes a comma-separated list .* \(not yolo\)/);
});
