// Cold start: to the first interactive frame (in a pseudo-terminal) and, scripted, to the
// first request on the wire; both against an already running deployment, vs bare `node -e 0`.
import net from "node:net";
import { spawn } from "node:child_process";
import { BIN } from "../test/helpers/cli.js";
import { loadPty, startInPty } from "../test/helpers/pty.js";
import { median, now, timeProcess } from "./stats.js";

export async function bareNode(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeProcess(process.execPath, ["-e", "0"]));
  return times;
}

export interface InteractiveTimes {
  /** To the first frame: prompt and status bar, drawn before the UI is loaded (still connecting). */
  firstFrame: number[];
  /** To the UI's own frame: thread open, connected, keys handled by the UI. */
  live: number[];
}

/** Spawn to the prompt and status bar being drawn, and to the live UI replacing them. */
export async function interactiveStart(url: string, home: string, runs: number): Promise<InteractiveTimes | undefined> {
  const pty = await loadPty();
  if (!pty) return undefined;
  const times: InteractiveTimes = { firstFrame: [], live: [] };
  for (let i = 0; i < runs; i++) {
    const start = now();
    const screen = startInPty(pty, { CHAT_CONFIG_DIR: home, NO_COLOR: "1", CHAT_URL: url }, 100, 30);
    await screen.waitFor(/› [\s\S]*· (connecting…|connected)/, 20_000, 1);
    times.firstFrame.push(now() - start);
    await screen.waitFor(/› [\s\S]*· connected/, 20_000, 1);
    times.live.push(now() - start);
    screen.kill();
    await screen.exited;
  }
  return times;
}

/** Spawn to the first byte of the first request reaching the deployment (through a relay). */
export async function scriptedStart(targetUrl: string, home: string, runs: number): Promise<number[]> {
  const target = new URL(targetUrl);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    let first: number | undefined;
    const relay = net.createServer((socket) => {
      first ??= now();
      const upstream = net.connect(Number(target.port), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on("error", () => upstream.destroy());
      upstream.on("error", () => socket.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const port = (relay.address() as net.AddressInfo).port;
    const start = now();
    const child = spawn(process.execPath, [BIN, "--url", `http://127.0.0.1:${port}`, "--json", "-m", "hi"], {
      env: { ...process.env, CHAT_CONFIG_DIR: home },
      stdio: "ignore",
    });
    while (first === undefined) await new Promise((r) => setTimeout(r, 1));
    times.push(first - start);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    relay.close();
  }
  return times;
}

export { median };
