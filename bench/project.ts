// `chat --project` on a one-graph TypeScript project, launch to its first answer printed, against
// the LangGraph CLI's `langgraphjs dev` on the same project, launch to ready (GET /ok answers).
// Both run from a copy of the test fixture project whose node_modules is chat's own, so both load
// the same packages; they alternate, so drift on a shared machine hits both alike.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BIN } from "../test/helpers/cli.js";
import { now } from "./stats.js";

const root = join(import.meta.dirname, "..");
const CLI = join(dirname(createRequire(import.meta.url).resolve("@langchain/langgraph-cli/package.json")), "dist/cli/cli.mjs");
const ANSWER = /You said: hi/;

/** A fresh copy of the fixture project, with chat's node_modules linked in. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "chat-bench-project-"));
  cpSync(join(root, "test/fixtures/project"), dir, { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** Stops a child started in its own process group, with everything it started. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const killer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(killer);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** `langgraphjs dev` from spawn to its API answering. */
async function devReady(dir: string, port: number): Promise<number> {
  const start = now();
  const child = spawn(process.execPath, [CLI, "dev", "--no-browser", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: dir,
    stdio: "ignore",
    detached: true,
  });
  try {
    const deadline = start + 60_000;
    while (!(await answers(`http://127.0.0.1:${port}/ok`))) {
      if (child.exitCode !== null || now() > deadline) throw new Error("langgraphjs dev did not start");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return now() - start;
  } finally {
    await stopGroup(child);
  }
}

/** `chat --project dir -m hi` from spawn to the answer on its stdout (then waits for it to exit). */
async function chatAnswer(dir: string, home: string): Promise<number> {
  const start = now();
  const child = spawn(process.execPath, [BIN, "--project", dir, "-m", "hi"], {
    env: { ...process.env, CHAT_CONFIG_DIR: home },
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
  });
  try {
    const answered = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (data: Buffer) => {
        out += data.toString();
        if (ANSWER.test(out)) resolve(now() - start);
      });
      child.once("exit", (code) => reject(new Error(`chat --project exited ${code} before answering: ${out}`)));
    });
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
    return answered;
  } finally {
    await stopGroup(child);
  }
}

export interface ProjectStart {
  dev: number[];
  chat: number[];
}

/** `runs` of each, alternating, after one untimed warm-up of each (compile caches, data dir). */
export async function projectStart(home: string, runs: number, port = 2930): Promise<ProjectStart> {
  const devDir = projectCopy();
  const chatDir = projectCopy();
  try {
    await devReady(devDir, port);
    await chatAnswer(chatDir, home);
    const result: ProjectStart = { dev: [], chat: [] };
    for (let i = 0; i < runs; i++) {
      result.dev.push(await devReady(devDir, port));
      result.chat.push(await chatAnswer(chatDir, home));
    }
    return result;
  } finally {
    rmSync(devDir, { recursive: true, force: true });
    rmSync(chatDir, { recursive: true, force: true });
  }
}
