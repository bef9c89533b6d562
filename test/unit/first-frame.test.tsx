// The first frame is drawn before Ink is loaded and replaced by the UI's own: it must look like
// that frame (else the screen jumps as the UI starts), and nothing written meanwhile may be lost.
import { EventEmitter } from "node:events";
import { stripVTControlCharacters } from "node:util";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/interactive/App.js";
import { CURSOR_COLUMN, firstFrameLines, roughWidth, showFirstFrame } from "../../src/interactive/first-frame.js";
import type { StatusBarProps } from "../../src/interactive/status-parts.js";
import { fakeController, fakeDeployment } from "../helpers/fake-client.js";

const THREAD = "thread-1234567890";

/** The App's first frame over an empty thread, as text lines (ink-testing-library: 100 columns). */
async function appFrame(deployment: string): Promise<string[]> {
  const { controller } = await fakeController(fakeDeployment([]), THREAD, 5);
  const app = render(<App controller={controller} deployment={deployment} />);
  const lines = stripVTControlCharacters(app.lastFrame() ?? "").split("\n");
  app.unmount();
  return lines;
}

const bar = (deployment: string): StatusBarProps => ({
  deployment,
  assistant: "agent",
  threadId: THREAD,
  strategy: "enqueue",
  connection: "connected",
});

describe("the first frame's lines", () => {
  it("are the UI's own first frame, word for word, when it says the same", async () => {
    const lines = firstFrameLines(bar("local"), 100).map(stripVTControlCharacters);
    expect(lines).toEqual(await appFrame("local"));
    expect(lines[1]).toBe("local · agent · thread 34567890 · strategy enqueue · connected");
  });

  it("wrap the status bar where the UI wraps it", async () => {
    const long = `http://${"deployment-".repeat(7)}example.com`;
    const lines = firstFrameLines(bar(long), 100).map(stripVTControlCharacters);
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(await appFrame(long));
  });

  it("leave the cursor's cell blank for the terminal's cursor, and draw the placeholder faint, even without colour", () => {
    const [prompt] = firstFrameLines({ ...bar("local"), connection: "connecting" }, 100);
    expect(stripVTControlCharacters(prompt ?? "").slice(0, CURSOR_COLUMN + 1)).toBe("›  ");
    expect(prompt).toContain("\x1b[2;3m message (enqueue) · /help\x1b[22;23m");
  });

  it("say the deployment is still connecting", () => {
    const lines = firstFrameLines({ ...bar("local"), connection: "connecting" }, 100);
    expect(stripVTControlCharacters(lines.at(-1) ?? "")).toMatch(/· connecting…$/);
  });

  it("never run wider than the terminal, wide scripts counted two columns", () => {
    for (const columns of [10, 24, 40]) {
      const lines = firstFrameLines({ ...bar("项目 ".repeat(12)), runSettings: "config {…}", hold: true }, columns);
      for (const line of lines) expect(roughWidth(stripVTControlCharacters(line))).toBeLessThanOrEqual(columns);
    }
    expect(roughWidth("ab·…›")).toBe(5);
    expect(roughWidth("项目")).toBe(4);
    expect(roughWidth("한🙂")).toBe(4);
  });
});

/** A terminal stream that records what is written to it (write on the prototype, as a real stream's). */
class FakeStream extends EventEmitter {
  readonly written: string[] = [];
  columns = 80;
  constructor(readonly isTTY = true) {
    super();
  }
  write(chunk: string | Uint8Array): boolean {
    this.written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  }
}
const fakeStream = (isTTY = true) => new FakeStream(isTTY) as unknown as NodeJS.WriteStream & FakeStream;

describe("showing the first frame", () => {
  const frames: Array<{ clear(): void }> = [];
  afterEach(() => frames.splice(0).forEach((f) => f.clear()));

  it("draws the lines and puts the cursor on the prompt", () => {
    const out = fakeStream();
    frames.push(showFirstFrame(() => ["one", "two"], out, fakeStream()));
    expect(out.written.join("")).toBe(`one\ntwo\n\x1b[2A\r\x1b[${CURSOR_COLUMN}C`);
  });

  it("puts what stderr says above the frame, which is drawn again below it", () => {
    const out = fakeStream();
    const err = fakeStream();
    frames.push(showFirstFrame(() => ["one"], out, err));
    out.written.length = 0;
    err.write("chat: local deployment at http://127.0.0.1:1\n");
    err.write(Buffer.from("no newline"));
    expect(err.written).toEqual(["chat: local deployment at http://127.0.0.1:1\n", "no newline"]);
    const frame = `one\n\x1b[1A\r\x1b[${CURSOR_COLUMN}C`;
    expect(out.written).toEqual(["\r\x1b[J", frame, "\r\x1b[J", `\n${frame}`]);
  });

  it("clears once: erased, stderr its own again, nothing left to do at exit or on a resize", () => {
    const out = fakeStream();
    const err = fakeStream();
    const frame = showFirstFrame(() => ["one"], out, err);
    expect(Object.hasOwn(err, "write")).toBe(true);
    const listeners = process.listenerCount("exit");
    frame.clear();
    expect(out.written.at(-1)).toBe("\r\x1b[J");
    expect(Object.hasOwn(err, "write")).toBe(false);
    expect(process.listenerCount("exit")).toBe(listeners - 1);
    expect(out.listenerCount("resize")).toBe(0);
    const written = out.written.length;
    err.write("later\n");
    frame.clear();
    expect(out.written).toHaveLength(written);
    expect(err.written).toEqual(["later\n"]);
  });

  it("is drawn again for a resized window's width", () => {
    const out = fakeStream();
    out.columns = 100;
    frames.push(showFirstFrame((columns) => [`width ${columns}`], out, fakeStream()));
    out.written.length = 0;
    out.columns = 40;
    out.emit("resize");
    expect(out.written).toEqual([`\r\x1b[J${"width 40"}\n\x1b[1A\r\x1b[${CURSOR_COLUMN}C`]);
  });

  it("leaves stderr alone when it is not the terminal", () => {
    const err = fakeStream(false);
    frames.push(showFirstFrame(() => ["one"], fakeStream(), err));
    expect(Object.hasOwn(err, "write")).toBe(false);
  });
});
