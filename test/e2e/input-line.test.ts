// The input line in a real terminal under NO_COLOR (as every e2e chat runs): the cursor still shows
// where typing goes, and the placeholder does not pass for typed text. The built CLI in a
// pseudo-terminal, its screen and styles read through xterm.
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { loadPty, type Screen } from "../helpers/pty.js";

const pty = await loadPty();
const e2e = e2eSetup();

/** Waits until a line on screen, styles marked (⟦cursor⟧, ⟨hint⟩), is `line`. */
async function shows(s: Screen, line: string, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !s.styled().includes(line); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > end) throw new Error(`no line ${JSON.stringify(line)} on screen:\n${s.styled().join("\n")}`);
}

/** Each key a write of its own, as a person types them. */
async function keys(s: Screen, ...presses: string[]): Promise<void> {
  for (const press of presses) {
    s.write(press);
    await new Promise((r) => setTimeout(r, 40));
  }
}

const LEFT = "\x1b[D";

it.skipIf(!pty)("under NO_COLOR the cursor is inverse video and the placeholder faint italics, written out as SGR", async () => {
  if (!pty) return;
  const s = e2e.terminal(pty);
  await s.waitFor(/strategy enqueue · connected/);
  await s.typing();
  await shows(s, "› ⟦ ⟧⟨ message (enqueue) · /help⟩");
  // The case: where does typing go after Left ×3?
  await keys(s, "hello world", LEFT, LEFT, LEFT);
  await shows(s, "› hello wo⟦r⟧ld");
  // SGR 7, which NO_COLOR (FORCE_COLOR=0 for chalk) would otherwise strip; and still no colour.
  expect(s.raw()).toContain("\x1b[7m");
  expect(s.raw()).not.toMatch(/\x1b\[[34]\dm/);
  await keys(s, "\x03", "/quit\r");
  expect(await s.exited).toBe(0);
});
