// `chat serve`: the built-in deployment in the foreground, usable by any LangGraph client.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, hermetic, runCli } from "../helpers/cli.js";
import { serverPidsUnder } from "../helpers/processes.js";
import { startLocalDeployment } from "../../src/deployment/local.js";
import { localDataDir } from "../../src/settings/paths.js";

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "chat-serve-"));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** `chat serve` on any free port; resolves with its URL and everything it printed by then. */
function serve(configDir: string, ...args: string[]) {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--demo-latency", "0", ...args], {
    env: { ...hermetic(process.env), CHAT_CONFIG_DIR: configDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const listening = new Promise<{ url: string; out: string }>((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Ctrl\+C/.exec(out);
      if (match?.[1]) resolve({ url: match[1], out });
    });
    child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, listening };
}

it("prints its URL, serves the demo assistant to the SDK, refuses a second local deployment, and stops on Ctrl+C", async () => {
  const { child, listening } = serve(home);
  try {
    const { url } = await listening;
    const client = new Client({ apiUrl: url, apiKey: null });
    expect((await client.assistants.search({ graphId: "agent" })).length).toBe(1);

    // The same data directory cannot be served twice: the second one says where the first is.
    const second = await runCli(["-m", "hi"], { env: { CHAT_CONFIG_DIR: home } });
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(
      new RegExp(`in use by another chat \\(pid \\d+\\); connect to it with --url ${url.replace(/\./g, "\\.")}`),
    );
    const viaUrl = await runCli(["--url", url, "-m", "what's the weather in sf?"], { env: { CHAT_CONFIG_DIR: home } });
    expect(viaUrl.code).toBe(0);
    expect(viaUrl.stdout).toMatch(/San Francisco right now/);

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(serverPidsUnder(home)).toEqual([]);
  } finally {
    child.kill("SIGKILL");
  }
});

it("--reset empties the data first, and is refused while a chat uses it", async () => {
  const configDir = mkdtempSync(join(tmpdir(), "chat-reset-"));
  const inUse = await startLocalDeployment({
    dataDir: localDataDir({ CHAT_CONFIG_DIR: configDir }),
    logFile: join(configDir, "server.log"),
    latencyMs: 0,
  });
  let child: ChildProcess | undefined;
  try {
    const client = new Client({ apiUrl: inUse.url, apiKey: null });
    const { thread_id } = await client.threads.create();
    const refused = await runCli(["serve", "--reset", "--port", "0"], { env: { CHAT_CONFIG_DIR: configDir } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/in use by another chat/);
    expect((await client.threads.get(thread_id)).thread_id).toBe(thread_id);
    await inUse.stop();

    const reset = serve(configDir, "--reset");
    child = reset.child;
    const { url, out } = await reset.listening;
    expect(out).toMatch(/\(reset: empty\)/);
    expect(await new Client({ apiUrl: url, apiKey: null }).threads.search()).toEqual([]);
  } finally {
    child?.kill("SIGKILL");
    await inUse.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
});
