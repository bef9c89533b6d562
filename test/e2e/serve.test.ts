// `chat serve`: the built-in deployment in the foreground, usable by any LangGraph client.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, hermetic, runCli } from "../helpers/cli.js";
import { serverPidsUnder } from "../helpers/processes.js";

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "chat-serve-"));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

it("prints its URL, serves the demo assistant to the SDK, refuses a second local deployment, and stops on Ctrl+C", async () => {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--demo-latency", "0"], {
    env: { ...hermetic(process.env), CHAT_CONFIG_DIR: home },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        out += d;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
    });
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
