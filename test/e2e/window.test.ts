// The live region always fits the window: a long answer streaming into a small terminal, and a
// queue longer than the screen, never make Ink clear the screen and scrollback (flicker), and the
// prompt and status bar stay in view. The real CLI in a pseudo-terminal, read through xterm.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { loadPty, type Screen } from "../helpers/pty.js";

const pty = await loadPty();
const LONG = `${fileURLToPath(new URL("../fixtures/long-answer-graph.mjs", import.meta.url))}:graph`;
// What Ink writes when its output fills the window: erase screen and scrollback.
const CLEAR_ALL = "\x1b[3J";
const e2e = e2eSetup({ server: { latencyMs: 200, graphs: { long: LONG } } });

function open(assistant: string, cols: number, rows: number): Screen {
  return e2e.terminal(pty!, {}, cols, rows, ["--url", e2e.url, "--assistant", assistant]);
}

/** The prompt and the status bar are at the bottom of the screen (polled: a frame may be half-written). */
async function expectFooter(s: Screen) {
  const bottom = () => {
    const lines = s.screen();
    const last =
      lines
        .map((l, i) => (l.trim() ? i : -1))
        .filter((i) => i >= 0)
        .at(-1) ?? 0;
    return lines.slice(Math.max(0, last - 3), last + 1).join("\n");
  };
  for (const end = Date.now() + 3000; !(/›/.test(bottom()) && /connected/.test(bottom()));) {
    if (Date.now() > end) throw new Error(`no prompt and status bar at the bottom:\n${s.screen().join("\n")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it.skipIf(!pty)(
  "a long answer streaming into a 40x12 window shows its newest lines, broken between words, and never clears the screen",
  async () => {
    const s = open("long", 40, 12);
    await s.waitFor(/connected/);
    await s.typing();
    await s.enter("forecast?");
    await s.waitFor(/#1 streaming \(\d+ earlier lines above\)/);
    await expectFooter(s);
    // Every whole line the live box drew (not its last, still streaming), as text.
    const drawn = new Set<string>();
    for (const end = Date.now() + 30_000; !/✓ #1 success/.test(s.screen().join("\n"));) {
      if (Date.now() > end) throw new Error(`#1 never finished:\n${s.screen().join("\n")}`);
      const box = s.screen().flatMap((line) => /^│ (.*) │$/.exec(line)?.[1]?.trim() ?? []);
      for (const line of box.slice(1, -1)) if (line) drawn.add(line);
      await new Promise((r) => setTimeout(r, 15));
    }
    await s.waitFor(/Ai Message =+\n\n1\. The forecast[\s\S]*6\. The forecast[\s\S]*Thursday\./);
    await expectFooter(s);
    expect(s.raw()).not.toContain(CLEAR_ALL);
    const answer = ` ${/Ai Message =+\n\n([\s\S]*6\. The forecast[\s\S]*?Thursday\.)/.exec(s.text())?.[1]?.replace(/\s+/g, " ")} `;
    expect(drawn.size).toBeGreaterThan(5);
    // A line broken inside a word ("answer fro" / "m a fake") is not a run of whole words of the answer.
    expect([...drawn].filter((line) => !answer.includes(` ${line} `))).toEqual([]);
  },
);

it.skipIf(!pty)("a partial answer stopped mid-stream: the transcript says the server did not keep it", async () => {
  const s = open("long", 80, 24);
  await s.waitFor(/connected/);
  await s.typing();
  await s.enter("forecast?");
  await s.waitFor(/│ 2\. The forecast/);
  s.write("\x1b");
  // The line wraps at 80 columns.
  await s.waitFor(/#1 cancelled; its partial answer was not saved by the server \(Ctrl\+R to bring it\s+back\)/);
  // What the server kept is printed after it: the question, and no answer.
  await s.waitFor(/not saved by the server \(Ctrl\+R to bring it\s+back\)\n=+ Human Message =+\n\nforecast\?\n/);
  expect(s.text()).not.toMatch(/Ai Message/);
});

it.skipIf(!pty)("thirty messages at once in a 60x14 window: the queue is summarised, nothing clears the screen", async () => {
  const s = open("agent", 60, 14);
  await s.waitFor(/connected/);
  await s.typing();
  s.write(Array.from({ length: 30 }, (_, i) => `weather in city ${i + 1}?\r`).join(""));
  await s.waitFor(/… \d+ more: \d+ pending/);
  await expectFooter(s);
  await s.waitFor(/#2 running/, 30_000);
  await expectFooter(s);
  expect(s.raw()).not.toContain(CLEAR_ALL);
});

it.skipIf(!pty)("at 40x12 the queue shows the running message first, ahead of rejected and finished ones", async () => {
  const s = open("agent", 40, 12);
  await s.waitFor(/connected/);
  await s.typing();
  await s.enter("weather in a?");
  await s.enter("/reject weather in b?");
  for (const city of ["c", "d", "e", "f", "g", "h"]) await s.enter(`weather in ${city}?`);
  // #1 finished and #2 rejected (a two-line row that stays) come before the later runs in the
  // send order; while one of those streams, the queue has only a few lines, and it is the one they show.
  await s.waitFor(/✗ #2 rejected/);
  const shows = /#(\d+) streaming[^]*^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] #\1 running/m;
  for (const end = Date.now() + 20_000; !shows.test(s.screen().join("\n"));) {
    if (Date.now() > end) throw new Error(`the running row never showed while it streamed:\n${s.screen().join("\n")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await expectFooter(s);
  expect(s.raw()).not.toContain(CLEAR_ALL);
});

it.skipIf(!pty)(
  "narrowing the window mid-run leaves no piece of the old frame behind, and the transcript is reprinted",
  async () => {
    const s = open("long", 100, 30);
    await s.waitFor(/connected/);
    await s.typing();
    await s.enter("forecast?");
    await s.waitFor(/#1 streaming/);
    s.resize(60, 30);
    await s.waitFor(/✓ #1 success/, 30_000);
    await s.waitFor(/Ai Message =+\n\n1\. The forecast/);
    // The live box is gone once the run ends: any border left in the scrollback is a leftover.
    expect(s.text()).not.toMatch(/[╭╰]/);
    expect(s.text()).toMatch(/Human Message =+\n\nforecast\?/);
  },
);

it.skipIf(!pty)("a 30-line paste into a 40x12 window shows the lines around the cursor and never clears the screen", async () => {
  const s = open("agent", 40, 12);
  await s.waitFor(/connected/);
  await s.typing();
  s.write(`\x1b[200~${Array.from({ length: 30 }, (_, i) => `pasted line ${i + 1}`).join("\r")}\x1b[201~`);
  await s.waitFor(/pasted line 30/);
  await s.waitFor(/› pasted line \d+\n(?: {2}pasted line \d+\n)+ {2}pasted line 30/);
  expect(
    s
      .screen()
      .filter((l) => l.trim())
      .at(-1),
  ).toMatch(/connected/);
  expect(s.raw()).not.toContain(CLEAR_ALL);
});
