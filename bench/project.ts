// `chat --project` on a one-graph TypeScript project, launch to its first answer printed, against
// the LangGraph CLI's `langgraphjs dev` on the same project, launch to ready (GET /ok answers).
// Three cases of the test fixture project, each measured against dev on the same case:
// - linked: its node_modules is a link to chat's own (so the server needs no overlay);
// - same: its own node_modules, installed with npm, with chat's versions of the langgraph packages;
// - other: its own node_modules with older versions (what a project that has not upgraded has).
// The two sides alternate, so drift on a shared machine hits both alike.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BIN } from "../test/helpers/cli.js";
import { named, npmInstall, OLDER_LANGCHAIN } from "../test/helpers/npm.js";
import { now } from "./stats.js";

const root = join(import.meta.dirname, "..");
const CLI = join(dirname(createRequire(import.meta.url).resolve("@langchain/langgraph-cli/package.json")), "dist/cli/cli.mjs");
const ANSWER = /You said: hi/;

const version = (name: string) =>
  (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

export interface ProjectCase {
  name: string;
  /** Packages npm installs into the copy; none: chat's node_modules is linked in instead. */
  install?: string[];
}

export const PROJECT_CASES: ProjectCase[] = [
  { name: "fixture linked to chat's node_modules" },
  {
    name: `own node_modules, chat's versions (langgraph ${version("@langchain/langgraph")}, core ${version("@langchain/core")})`,
    install: [`@langchain/langgraph@${version("@langchain/langgraph")}`, `@langchain/core@${version("@langchain/core")}`],
  },
  { name: `own node_modules, older versions (${named(OLDER_LANGCHAIN)})`, install: OLDER_LANGCHAIN },
];

/** A fresh copy of the fixture project, with its packages installed or chat's linked in. */
function projectCopy(setup: ProjectCase): string {
  const dir = mkdtempSync(join(tmpdir(), "chat-bench-project-"));
  cpSync(join(root, "test/fixtures/project"), dir, { recursive: true });
  if (!setup.install) symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  else npmInstall(dir, setup.install);
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

/**
 * `runs` of each, alternating, after one untimed warm-up of each (compile caches, data dir, and
 * chat's server overlay for a project with its own packages, built once per project).
 */
export async function projectStart(home: string, runs: number, setup: ProjectCase, port = 2930): Promise<ProjectStart> {
  const devDir = projectCopy(setup);
  const chatDir = projectCopy(setup);
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
