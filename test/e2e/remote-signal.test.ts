// A chat on a remote deployment stopped by a signal mid-run: it says once, naming the message, that
// the run keeps going there, and the run does finish on the server.
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { BIN, keyFor } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import type { MessageDict } from "../../src/engine/message.js";

const e2e = e2eSetup({ server: { latencyMs: 300 } });
const SF = "what's the weather in sf?";

it.each(["SIGINT", "SIGTERM"] as const)(
  "%s mid-run: the run left going on the server is named once, and it finishes there",
  async (signal) => {
    const { thread_id: thread } = await e2e.server.client.threads.create();
    const args = ["--url", e2e.url, "--thread", thread, "-m", SF];
    const child = spawn(process.execPath, [BIN, ...args], {
      env: e2e.spawnEnv(keyFor(args)),
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let err = "";
      await new Promise<void>((resolve) => {
        child.stderr.setEncoding("utf8").on("data", (d: string) => {
          err += d;
          if (err.includes("[1] sent")) resolve();
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      child.kill(signal);
      expect(await exited).toBe(signal === "SIGINT" ? 130 : 143);
      // (The command named is how chat was started: `chat`, or `npx chat` under npm.)
      expect(err).toContain(
        `chat: stopped by ${signal}: 1 message(s) unfinished: their runs keep going on the server (see them with: `,
      );
      expect(err).toContain(` --url ${e2e.url} --thread ${thread}):\n  #1 ${JSON.stringify(SF)}\n`);
      expect(err.match(/keep going/g)).toHaveLength(1);
    } finally {
      child.kill("SIGKILL");
    }
    const [run] = await e2e.server.client.runs.list(thread);
    await e2e.server.client.runs.join(thread, run!.run_id);
    expect((await e2e.server.client.runs.get(thread, run!.run_id)).status).toBe("success");
    const messages = ((await e2e.server.client.threads.getState(thread)).values as { messages: MessageDict[] }).messages;
    expect(messages.at(-1)?.content).toMatch(/San Francisco right now/);
  },
);
