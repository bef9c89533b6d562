// The built-in deployment dying under chat: said at once, runs in flight reported unknown (exit
// 6, never "failed"), and on the next start what became of each is looked up and said.
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import { serverPidsUnder } from "../helpers/processes.js";

const SF = "what's the weather in sf?";
const NYC = "what's the weather in nyc?";
const e2e = e2eSetup();

it("a killed local deployment is said at once; its runs are unknown, then reconciled on the next start", async () => {
  const child = spawn(process.execPath, [BIN, "-m", SF, "-m", NYC], {
    env: e2e.spawnEnv({ CHAT_DEMO_LATENCY_MS: "5000" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  try {
    await new Promise<void>((resolve) => {
      child.stderr.setEncoding("utf8").on("data", (d: string) => {
        err += d;
        if (err.includes("[2] sent")) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const killedAt = Date.now();
    const [server] = serverPidsUnder(e2e.home);
    expect(server).toBeDefined();
    process.kill(server ?? 0, "SIGKILL");
    const code = await exited;
    const took = Date.now() - killedAt;
    expect(code).toBe(6);
    expect(err).toMatch(/^chat: the local deployment exited \(killed by SIGKILL\); log: .*server\.log$/m);
    expect(err).toMatch(/^\[1\] unknown: the local deployment exited with it in flight/m);
    expect(err).toMatch(/^\[2\] unknown: the local deployment exited with it in flight/m);
    expect(err).not.toMatch(/failed|lost track/);
    // Said at once, not after the reconnect budget (60 s by default).
    expect(took).toBeLessThan(30_000);
  } finally {
    child.kill("SIGKILL");
  }

  // Next start: each lost run is looked up and what became of it is said, once.
  const next = await e2e.cli(["-m", "hi"], { env: { CHAT_DEMO_LATENCY_MS: "50" } });
  expect(next.code).toBe(0);
  const lines = next.stderr.split("\n").filter((l) => l.startsWith("chat: earlier, contact was lost with run"));
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(`"${SF}"`);
  expect(lines[1]).toContain(`"${NYC}"`);
  const again = await e2e.cli(["-m", "hi"], { env: { CHAT_DEMO_LATENCY_MS: "50" } });
  const still = again.stderr.split("\n").filter((l) => l.startsWith("chat: earlier"));
  // Only runs still in flight then are looked up again.
  expect(still.length).toBeLessThanOrEqual(lines.filter((l) => /still (pending|running)/.test(l)).length);
});
