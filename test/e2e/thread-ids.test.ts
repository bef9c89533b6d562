// Threads told apart and reached by part of their id, on the real built-in deployment: chat
// threads (and assistants) while another chat holds it, --thread by a unique start or end, an
// ambiguous or unknown part refused in one line that changes nothing, and /threads in the UI.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { afterAll, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { loadPty } from "../helpers/pty.js";
import { e2eSetup } from "../helpers/e2e.js";

const pty = await loadPty();
const e2e = e2eSetup({ env: { CHAT_DEMO_LATENCY_MS: "10" } });
let holder: ChildProcessWithoutNullStreams | undefined;

// Made through the API with ids chosen to collide: two end alike, one starts its own way.
const T1 = "01a24930-0000-7000-8000-0000aaaa1111";
const T2 = "01a24930-0000-7000-8000-0000bbbb1111";
const T3 = "0c0ffee0-0000-7000-8000-00000000cccc";

afterAll(() => {
  holder?.kill("SIGKILL");
});

/** The running chat's deployment, as its lock file says (URL and key). */
function heldDeployment(): Client {
  const lock = JSON.parse(readFileSync(join(e2e.home, "local-deployment", "chat.lock"), "utf8")) as { url: string; key: string };
  return new Client({ apiUrl: lock.url, apiKey: lock.key });
}

const lines = (text: string) => text.trim().split("\n");
const rowsOf = (stdout: string) => JSON.parse(stdout) as Array<{ thread_id: string; last_message: string | null }>;

it("while a chat holds the built-in deployment, chat threads and assistants read it through that chat's server", async () => {
  // A scripted chat reading stdin holds the deployment for as long as its stdin is open.
  const child = (holder = spawn(process.execPath, [BIN], {
    env: e2e.spawnEnv(),
    stdio: ["pipe", "pipe", "pipe"],
  }));
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stdin.write("hi\n");
  for (const end = Date.now() + 30_000; !out.includes("Ai Message"); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > end) throw new Error(`the holding chat never answered:\n${out}`);
  const client = heldDeployment();
  for (const threadId of [T1, T2, T3]) await client.threads.create({ threadId });

  const all = await e2e.cli(["threads"]);
  expect(all.stderr).toBe("");
  expect(all.code).toBe(0);
  for (const id of [T1, T2, T3]) expect(all.stdout).toContain(id);
  expect(lines(all.stdout)).toHaveLength(5); // the header, the holder's thread and the three

  const assistants = await e2e.cli(["assistants"]);
  expect(assistants.code).toBe(0);
  expect(assistants.stdout).toMatch(/ agent +agent\n/);
});

it("chat threads <part> finds the thread whose id starts or ends with it; several or none is one line, exit 2", async () => {
  const bySuffix = await e2e.cli(["threads", "aaaa1111", "--json"]);
  expect(bySuffix.code).toBe(0);
  expect(rowsOf(bySuffix.stdout).map((r) => r.thread_id)).toEqual([T1]);
  const byPrefix = await e2e.cli(["threads", "0C0FFEE0", "--json"]);
  expect(rowsOf(byPrefix.stdout).map((r) => r.thread_id)).toEqual([T3]);

  const ambiguous = await e2e.cli(["threads", "1111"]);
  expect(ambiguous.code).toBe(2);
  expect(ambiguous.stdout).toBe("");
  expect(ambiguous.stderr).toBe(`chat: "1111" is the start or end of 2 thread ids: ${T2}, ${T1}; give more of it\n`);

  const none = await e2e.cli(["threads", "deadbeef"]);
  expect(none.code).toBe(2);
  expect(none.stderr).toBe(
    'chat: no thread id starts or ends with "deadbeef" among the 4 threads on local (chat threads, /threads list them)\n',
  );
});

it("--thread takes a unique end of an id; an ambiguous one is refused in one line and sends nothing", async () => {
  holder?.stdin.end();
  await new Promise((resolve) => holder?.once("close", resolve));

  const ambiguous = await e2e.cli(["--thread", "1111", "-m", "what's the weather in sf?"]);
  expect(ambiguous.code).toBe(2);
  expect(lines(ambiguous.stderr)).toEqual([`chat: "1111" is the start or end of 2 thread ids: ${T2}, ${T1}; give more of it`]);

  const continued = await e2e.cli(["--thread", "cccc", "--json", "-m", "what's the weather in sf?"]);
  expect(continued.code).toBe(0);
  expect(continued.stdout).toContain(`{"type":"done","thread_id":"${T3}","exit_code":0}`);

  // The refused message went nowhere: both threads it named are as they were made.
  const after = rowsOf((await e2e.cli(["threads", "--json"])).stdout);
  expect(after.filter((r) => r.thread_id === T1 || r.thread_id === T2).map((r) => r.last_message)).toEqual([null, null]);
  expect(after.find((r) => r.thread_id === T3)?.last_message).toMatch(/San Franci/);
});

// node-pty is an optional (native) dependency; without it there is no terminal to drive.
it.skipIf(!pty)("/threads lists and /thread picks by number or part of an id; the status bar tells ids apart", async () => {
  if (!pty) return;
  const s = e2e.terminal(pty, {}, 110, 40);
  await s.waitFor(/strategy enqueue · connected/);
  // Another thread whose id ends like the one in view for 8 characters: the bar then shows 9.
  const client = heldDeployment();
  const [inView] = await client.threads.search({ limit: 1, sortBy: "created_at", sortOrder: "desc" });
  const id = inView?.thread_id ?? "";
  const tail = id.slice(-12);
  const flipped = tail.slice(0, 3) + (tail[3] === "0" ? "1" : "0") + tail.slice(4);
  await client.threads.create({ threadId: `0c0ffee1-0000-7000-8000-${flipped}` });
  await s.waitFor(new RegExp(`thread ${id.slice(-8)} · strategy`));

  await s.enter("/threads");
  await s.waitFor(/recent threads, newest first \(\* in view\); \/thread <n> opens one:/);
  await s.waitFor(new RegExp(`thread ${id.slice(-9)} · strategy`));
  expect(s.text()).toMatch(new RegExp(`\\* \\d  ${id.slice(-9)}  idle`));

  await s.enter("/thread 1111");
  await s.waitFor(/"1111" is the start or end of 2 thread ids/);
  s.write("\x15");
  const [, n] = /(\d+) +aaaa1111 +idle/.exec(s.text()) ?? [];
  await s.enter(`/thread ${n}`);
  await s.waitFor(new RegExp(`switched to thread ${T1}`));
  await s.waitFor(/thread aaaa1111 · strategy/);
  await s.enter("/thread 0c0ffee0");
  await s.waitFor(new RegExp(`switched to thread ${T3}`));
  await s.waitFor(/thread 0000cccc · strategy/);

  await s.enter("/quit");
  expect(await s.exited).toBe(0);
});
