// `chat serve`: the built-in deployment in the foreground, usable by any LangGraph client.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { expect, it } from "vitest";
import { BIN, hermetic, runCli } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import { serverPidsUnder } from "../helpers/processes.js";
import { startLocalDeployment } from "../../src/deployment/local.js";
import { localDataDir } from "../../src/settings/paths.js";

const e2e = e2eSetup();

/** `chat serve` on any free port; resolves with its URL and everything it printed by then. */
function serve(configDir: string, ...args: string[]) {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--demo-latency", "0", ...args], {
    env: { ...hermetic(process.env), CHAT_CONFIG_DIR: configDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const listening = new Promise<{ url: string; key: string | null; out: string; stderr: () => string }>((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Ctrl\+C/.exec(out);
      if (match?.[1]) resolve({ url: match[1], key: /^ {2}key: {2}(\S+)$/m.exec(out)?.[1] ?? null, out, stderr: () => err });
    });
    child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, listening };
}

it("prints its URL, serves the demo assistant to the SDK, refuses a second local deployment, and stops on Ctrl+C", async () => {
  const { child, listening } = serve(e2e.home);
  try {
    const { url, key } = await listening;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const client = new Client({ apiUrl: url, apiKey: key });
    expect((await client.assistants.search({ graphId: "agent" })).length).toBe(1);
    // Without the key, nothing: the SDK is refused, and chat says so in one line.
    await expect(new Client({ apiUrl: url, apiKey: null }).assistants.search()).rejects.toThrow(/401/);
    const stranger = mkdtempSync(join(tmpdir(), "chat-stranger-"));
    const refused = await runCli(["--url", url, "-m", "hi"], { env: { CHAT_CONFIG_DIR: stranger } });
    rmSync(stranger, { recursive: true, force: true });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/refused the credentials \(HTTP 401\)/);
    // With the printed key in the environment, from anywhere.
    const keyed = await runCli(["--url", url, "-m", "hi"], { env: { CHAT_CONFIG_DIR: stranger, LANGGRAPH_API_KEY: key ?? "" } });
    rmSync(stranger, { recursive: true, force: true });
    expect(keyed.code).toBe(0);

    // The same data directory cannot be served twice: the second one says where the first is.
    const second = await e2e.cli(["-m", "hi"]);
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(
      new RegExp(`in use by another chat \\(pid \\d+\\); connect to it with --url ${url.replace(/\./g, "\\.")}`),
    );
    // The same config dir knows the running one's key (from its 0600 lock file): the hint works as it is.
    const viaUrl = await e2e.cli(["--url", url, "-m", "what's the weather in sf?"]);
    expect(viaUrl.code).toBe(0);
    expect(viaUrl.stdout).toMatch(/San Francisco right now/);
    const threads = await e2e.cli(["threads", "--json"]);
    expect(threads.code).toBe(0);
    expect(JSON.parse(threads.stdout)).toHaveLength(2);

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(serverPidsUnder(e2e.home)).toEqual([]);
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
    const client = new Client({ apiUrl: inUse.url, apiKey: inUse.key });
    const { thread_id } = await client.threads.create();
    const refused = await runCli(["serve", "--reset", "--port", "0"], { env: { CHAT_CONFIG_DIR: configDir } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/in use by another chat/);
    expect((await client.threads.get(thread_id)).thread_id).toBe(thread_id);
    await inUse.stop();

    const reset = serve(configDir, "--reset");
    child = reset.child;
    const { url, key, out } = await reset.listening;
    expect(out).toMatch(/\(reset: empty\)/);
    expect(await new Client({ apiUrl: url, apiKey: key }).threads.search()).toEqual([]);
  } finally {
    child?.kill("SIGKILL");
    await inUse.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
});

/** Stops a `chat serve` child and waits until it has gone. */
async function stopped(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
}

it("keeps its key across restarts of the same data dir (0600), makes a new one with --new-key, and takes none with --open", async () => {
  const configDir = mkdtempSync(join(tmpdir(), "chat-serve-key-"));
  const children: ChildProcess[] = [];
  const start = async (...args: string[]) => {
    const started = serve(configDir, ...args);
    children.push(started.child);
    return { ...(await started.listening), child: started.child };
  };
  try {
    const first = await start();
    await stopped(first.child);
    const file = join(localDataDir({ CHAT_CONFIG_DIR: configDir }), "serve-key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first.key);

    const again = await start();
    expect(again.key).toBe(first.key);
    await stopped(again.child);

    const renewed = await start("--new-key");
    expect(renewed.key).not.toBe(first.key);
    await expect(new Client({ apiUrl: renewed.url, apiKey: first.key }).threads.search()).rejects.toThrow(/401/);
    expect(await new Client({ apiUrl: renewed.url, apiKey: renewed.key }).threads.search()).toEqual([]);
    await stopped(renewed.child);
    expect(readFileSync(file, "utf8").trim()).toBe(renewed.key);

    const open = await start("--open");
    expect(open.key).toBeNull();
    expect(await new Client({ apiUrl: open.url, apiKey: null }).assistants.search({ graphId: "agent" })).toHaveLength(1);
    await stopped(open.child);
    expect(open.stderr()).toMatch(/--open: no key; anyone who can reach http:\/\/127\.0\.0\.1:\d+ can read its threads/);
  } finally {
    for (const child of children) child.kill("SIGKILL");
    rmSync(configDir, { recursive: true, force: true });
  }
});

it("--allow-origin gives a browser origin (LangGraph Studio's) CORS and access with the key; other origins get neither", async () => {
  const configDir = mkdtempSync(join(tmpdir(), "chat-serve-cors-"));
  const studio = "https://smith.langchain.com";
  const { child, listening } = serve(configDir, "--allow-origin", studio);
  try {
    const { url, key, out } = await listening;
    expect(out).toContain(`origins allowed: ${studio}`);
    const preflight = (origin: string) =>
      fetch(`${url}/threads/search`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "x-api-key,content-type" },
      });
    const allowed = await preflight(studio);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(studio);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/x-api-key/);
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    const search = (origin: string) =>
      fetch(`${url}/threads/search`, {
        method: "POST",
        headers: { origin, "x-api-key": key ?? "", "content-type": "application/json" },
        body: "{}",
      });
    const fromStudio = await search(studio);
    expect(fromStudio.status).toBe(200);
    expect(fromStudio.headers.get("access-control-allow-origin")).toBe(studio);
    expect(await fromStudio.json()).toEqual([]);
    const fromEvil = await search("https://evil.example");
    expect(fromEvil.status).toBe(403);
    expect(fromEvil.headers.get("access-control-allow-origin")).toBeNull();
  } finally {
    child.kill("SIGKILL");
    rmSync(configDir, { recursive: true, force: true });
  }
});

it("refuses an --allow-origin that is not an origin, and --open with --new-key", async () => {
  for (const [args, pattern] of [
    [["--allow-origin", "*"], /--allow-origin: "\*" is not a web origin/],
    [["--allow-origin", "https://smith.langchain.com/studio"], /is not a web origin/],
    [["--open", "--new-key"], /--open and --new-key cannot be used together/],
  ] as const) {
    const r = await e2e.cli(["serve", "--port", "0", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  }
});
