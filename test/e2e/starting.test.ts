// While chat starts its local deployment (a second or more): keys typed then are neither echoed
// over the screen nor turned into a newline, and Enter sends them; Ctrl+C still stops chat at
// once; and a chat killed then leaves no server behind. bin/chat.js, in a pseudo-terminal.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadPty, type Screen } from "../helpers/pty.js";
import { serverPidsLeftUnder, serverPidsUnder } from "../helpers/processes.js";
import { BIN } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import { waitUntil } from "../helpers/wait.js";

const pty = await loadPty();
const e2e = e2eSetup();

const STARTING = "chat: starting the local LangGraph deployment";
const STARTED = "chat: local deployment at";

/** chat in a terminal with a config dir of its own, so its local deployment starts from nothing. */
function start(): Screen {
  return e2e.terminal(pty!, { CHAT_CONFIG_DIR: join(e2e.home, String(Date.now())) });
}

it.skipIf(!pty)("a message typed while the local deployment starts is sent by its Enter, and never echoed", async () => {
  const s = start();
  await s.waitFor(new RegExp(STARTING));
  // The prompt and status bar are up at once, before the UI is loaded: still connecting.
  await s.waitFor(/› +message \(enqueue\) · \/help\nlocal · agent · thread new · strategy enqueue · connecting…/);
  for (const key of "what's the weather in sf?") s.write(key);
  s.write("\r");
  await s.waitFor(/Human Message =+\n\nwhat's the weather in sf\?[\s\S]*Ai Message =+\n\nIt's [^\n]*San Francisco/, 30_000);
  await s.waitFor(/✓ #1 success/);
  // Before the UI drew anything, nothing of it reached the screen.
  const raw = s.raw();
  const before = raw.slice(raw.indexOf(STARTING), raw.indexOf(STARTED));
  expect(raw.indexOf(STARTED)).toBeGreaterThan(0);
  expect(before).not.toContain("weather");
  // The UI drew in the first frame's place: what was said meanwhile above it, nothing of it left.
  const text = s.text();
  expect(text).toMatch(new RegExp(`${STARTING}…\n${STARTED} http://127.0.0.1:\\d+\n`));
  expect(text).not.toContain("connecting…");
  expect(text.match(/^local · agent · thread /gm)).toHaveLength(1);
});

it.skipIf(!pty)("Ctrl+C while the local deployment starts stops chat and its server", async () => {
  const s = start();
  await s.waitFor(new RegExp(STARTING));
  s.write("hello");
  s.write("\x03");
  await s.exited;
  expect(s.text()).not.toMatch(/›/);
  expect(await serverPidsLeftUnder(e2e.home)).toEqual([]);
});

it("a chat killed while its local deployment is still loading leaves no server running", async () => {
  const dir = join(e2e.home, "killed");
  const child = spawn(process.execPath, [BIN, "-m", "hi"], {
    env: e2e.spawnEnv({ CHAT_CONFIG_DIR: dir }),
    stdio: "ignore",
  });
  // Killed once its server process exists, long before that server is ready.
  await waitUntil(
    () => {
      if (child.exitCode !== null) throw new Error("chat ended before it started its server");
      return serverPidsUnder(dir).length > 0;
    },
    { what: "chat to start its server process", everyMs: 10 },
  );
  child.kill("SIGKILL");
  expect(await serverPidsLeftUnder(dir)).toEqual([]);
});
