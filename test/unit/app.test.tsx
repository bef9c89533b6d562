// The Ink view draws the controller's state and hands it every key. Behaviour is tested on the
// controller (controller.test.ts); these keep the rendering honest. Waits poll the frame, no sleeps.
import { stripVTControlCharacters } from "node:util";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { App } from "../../src/interactive/App.js";
import { fakeController, fakeDeployment, type CreateBehaviour } from "../helpers/fake-client.js";

async function setup(behaviours: CreateBehaviour[] = []) {
  const fake = fakeDeployment(behaviours);
  const { controller } = await fakeController(fake, "thread-1234567890", 5);
  const app = render(<App controller={controller} deployment="local" />);
  /** The frame as written, styles and all. */
  const raw = () => app.lastFrame() ?? "";
  const frame = () => stripVTControlCharacters(raw());
  const all = () => stripVTControlCharacters(app.frames.join("\n"));
  const waitFor = async (pattern: RegExp, text: () => string = frame) => {
    for (const end = Date.now() + 2000; !pattern.test(text()); await new Promise((r) => setImmediate(r))) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; last frame:\n${text()}`);
    }
  };
  return { fake, controller, app, raw, frame, all, waitFor };
}

describe("the Ink view", () => {
  it("draws the status bar, the prompt, and the strategy as Tab changes it", async () => {
    const ui = await setup();
    expect(ui.frame()).toMatch(/› +message \(enqueue\) · \/help/);
    expect(ui.frame()).toMatch(/local · agent · thread 34567890 · strategy enqueue · connected/);
    ui.app.stdin.write("\t");
    await ui.waitFor(/strategy reject · connected/);
  });

  it("typed keys reach the controller: a sent message shows in the queue with its strategy and status", async () => {
    const ui = await setup(["ok", "http-422"]);
    ui.app.stdin.write("first");
    ui.app.stdin.write("\r");
    ui.app.stdin.write("/reject second");
    ui.app.stdin.write("\r");
    await ui.waitFor(/#2 rejected reject/);
    expect(ui.frame()).toMatch(/#1 running enqueue [\d.]+s first/);
    expect(ui.frame()).toMatch(/ {2}refused with http-422/);
  });

  it("prints finished runs' messages above the live region, in order", async () => {
    const ui = await setup();
    ui.fake.thread.push({ type: "human", id: "h1", content: "hello" }, { type: "ai", id: "a1", content: "hi there" });
    ui.app.stdin.write("hello");
    ui.app.stdin.write("\r");
    ui.fake.releaseRuns();
    await ui.waitFor(/=+ Human Message =+\n\nhello\n=+ Ai Message =+\n\nhi there/, ui.all);
    await ui.waitFor(/✓ #1 success/);
  });

  it("the cursor is inverse video and the placeholder faint italics, written out: chalk, colourless here, would drop them", async () => {
    const ui = await setup();
    expect(ui.raw()).toContain("› \x1b[7m \x1b[27m\x1b[2m\x1b[3m message (enqueue) · /help");
    ui.app.stdin.write("hello world");
    for (const _ of "abc") ui.app.stdin.write("\x1b[D");
    await ui.waitFor(/› hello world/);
    await ui.waitFor(/› hello wo\x1b\[7mr\x1b\[27mld/, ui.raw);
  });

  it("Backspace (DEL) erases before the cursor, Delete (ESC [3~) the character under it, though Ink names both delete", async () => {
    const ui = await setup();
    ui.app.stdin.write("YXW");
    ui.app.stdin.write("\x01"); // Ctrl+A
    ui.app.stdin.write("\x1b[C"); // →
    ui.app.stdin.write("\x1b[3~");
    await ui.waitFor(/› Y\x1b\[7mW\x1b\[27m/, ui.raw);
    ui.app.stdin.write("\x1b[C");
    ui.app.stdin.write("\x7f");
    await ui.waitFor(/› Y\x1b\[7m \x1b\[27m$/m, ui.raw);
    expect(ui.controller.getSnapshot().input).toEqual({ value: "Y", cursor: 1 });
  });
});
