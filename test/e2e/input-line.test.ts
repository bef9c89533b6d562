// The input line in a real terminal under NO_COLOR (as every e2e chat runs): the cursor still shows
// where typing goes, the placeholder does not pass for typed text, and the editing keys do what
// a shell's do. The built CLI in a pseudo-terminal, its screen and styles read through xterm.
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

const [LEFT, RIGHT, HOME, END, DELETE] = ["\x1b[D", "\x1b[C", "\x1b[H", "\x1b[F", "\x1b[3~"];
const [CTRL_A, CTRL_K, CTRL_W, ALT_B, ALT_F] = ["\x01", "\x0b", "\x17", "\x1bb", "\x1bf"];

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
  // Wide text is measured by string-width itself, which the bundle loads only now (see
  // scripts/string-width-fast.ts): the cursor still lands on the right cell.
  await keys(s, "\x01", "\x0b", "漢字😀ab", LEFT, LEFT);
  await shows(s, "› 漢字😀⟦a⟧b");
  await keys(s, "\x03", "/quit\r");
  expect(await s.exited).toBe(0);
});

it.skipIf(!pty)(
  "Delete takes the character under the cursor; Home, End, Ctrl+A, Ctrl+K, Ctrl+W, Alt+B and Alt+F edit as in a shell",
  async () => {
    if (!pty) return;
    const s = e2e.terminal(pty);
    await s.waitFor(/strategy enqueue · connected/);
    await s.typing();
    // The case: type YX, Ctrl+A, Right, Delete.
    await keys(s, "YX", CTRL_A, RIGHT, DELETE);
    await shows(s, "› Y⟦ ⟧");
    await keys(s, CTRL_A, CTRL_K);
    await shows(s, "› ⟦ ⟧⟨ message (enqueue) · /help⟩");

    await keys(s, "say hello big world", HOME, ALT_F, ALT_F);
    await shows(s, "› say hello⟦ ⟧big world");
    await keys(s, CTRL_K);
    await shows(s, "› say hello⟦ ⟧");
    await keys(s, ALT_B);
    await shows(s, "› say ⟦h⟧ello");
    await keys(s, CTRL_W);
    await shows(s, "› ⟦h⟧ello");
    await keys(s, END);
    await shows(s, "› hello⟦ ⟧");
    await keys(s, CTRL_A, DELETE);
    await shows(s, "› ⟦e⟧llo");
    await keys(s, CTRL_K, "/quit\r");
    expect(await s.exited).toBe(0);
  },
);
