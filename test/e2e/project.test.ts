// `--project`: a user's own TypeScript LangGraph project (test/fixtures/project) served on the
// local deployment through the built CLI, and the project files chat refuses in one line.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@langchain/langgraph-sdk";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import { serverPidsLeftUnder, serverPidsUnder } from "../helpers/processes.js";
import { projectKey, readProject } from "../../src/deployment/project.js";
import { projectDataDir } from "../../src/settings/paths.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const PROJECT = fixture("project");
const e2e = e2eSetup();

describe("a TypeScript project served with --project", () => {
  it("double-texts its only graph with enqueue: both exchanges in order, its env applied, no server left behind", async () => {
    const r = await e2e.cli(["--project", PROJECT, "--strategy", "enqueue", "-m", "first", "-m", "second"]);
    expect(r.stderr).toBe("[1] sent with enqueue: first\n[2] sent with enqueue: second\n[1] success\n[2] success\n");
    expect(r.code).toBe(0);
    const messages = r.stdout.split(/^=+ (?:Human|Ai) Message =+$/m).map((part) => part.trim());
    expect(messages.filter(Boolean)).toEqual(["first", "You said: first", "second", "You said: second"]);
    expect(serverPidsUnder(PROJECT)).toEqual([]);
    expect(existsSync(projectDataDir(projectKey(readProject(PROJECT)), e2e.env()))).toBe(true);
  });

  it("double-texts with each strategy, every run carrying --config and --context, as the server really does", async () => {
    const outcome: Record<string, string[]> = {};
    for (const strategy of ["reject", "interrupt", "rollback", "enqueue"]) {
      const args = ["--project", PROJECT, "--strategy", strategy, "--json", "-m", "first", "-m", "second"];
      // Its own config directory: the threads this makes are not the ones the tests below count.
      const own = { CHAT_CONFIG_DIR: join(e2e.home, "strategies") };
      const r = await e2e.cli([...args, "--config", '{"user_id": "u1"}', "--context", '{"tone": "brief"}'], { env: own });
      const events = r.stdout
        .trim()
        .split("\n")
        .map(
          (line) => JSON.parse(line) as { type: string; index?: number; status?: string; messages?: Array<{ content: string }> },
        );
      outcome[strategy] = events
        .filter((e) => e.type === "finished" || e.type === "rejected")
        .map((e) => `${e.index}:${e.type === "rejected" ? "rejected" : e.status}`);
      const answers = events.flatMap((e) => (e.type === "messages" ? (e.messages ?? []).map((m) => m.content) : []));
      for (const answer of answers.filter((a) => a.startsWith("You said"))) expect(answer).toMatch(/\(user u1, tone brief\)$/);
      expect(answers).toContain(`You said: ${strategy === "reject" ? "first" : "second"} (user u1, tone brief)`);
    }
    expect(outcome.reject).toEqual(["2:rejected", "1:success"]);
    expect(outcome.interrupt?.sort()).toEqual(["1:interrupted", "2:success"]);
    expect(outcome.rollback?.sort()).toEqual([expect.stringMatching(/^1:(rolled_back|interrupted)$/), "2:success"]);
    expect(outcome.enqueue).toEqual(["1:success", "2:success"]);
  });

  it("keeps the project's threads across restarts: --resume continues the last one, threads lists it", async () => {
    const r = await e2e.cli(["--project", join(PROJECT, "langgraph.json"), "--resume", "-m", "third"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("You said: third");
    const listed = await e2e.cli(["threads", "--project", PROJECT, "--json"]);
    const threads = JSON.parse(listed.stdout) as Array<{ last_message: string }>;
    expect(threads.map((t) => t.last_message)).toEqual(["You said: third"]);
  });

  it("chat threads on a project with several graphs lists every graph's threads without asking for --assistant", async () => {
    const several = fixture("project-several");
    for (const graph of ["echo", "again"]) {
      expect((await e2e.cli(["--project", several, "--assistant", graph, "-m", `to ${graph}`])).code).toBe(0);
    }
    const listed = await e2e.cli(["threads", "--project", several, "--json"]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).not.toMatch(/--assistant/); // only the fixture's missing .env is said
    const threads = JSON.parse(listed.stdout) as Array<{ last_message: string }>;
    expect(threads.map((t) => t.last_message).sort()).toEqual(["(no env): to again", "(no env): to echo"]);
  });
});

describe("project files chat does not serve: one line, exit 2, nothing started", () => {
  it("a package the project imports but has not installed: the package, the file, npm install in the project", async () => {
    // Outside the repository, where chat's own node_modules (which has zod) is not found from it.
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "chat-missing-package-")));
    try {
      cpSync(PROJECT, dir, { recursive: true });
      const graph = join(dir, "src", "graph.ts");
      writeFileSync(graph, `import { z } from "zod";\nz.string();\n${readFileSync(graph, "utf8")}`);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: object };
      writeFileSync(
        join(dir, "package.json"),
        JSON.stringify({ ...manifest, dependencies: { ...manifest.dependencies, zod: "^4" } }),
      );
      const r = await e2e.cli(["--project", dir, "-m", "hi"]);
      expect([r.code, r.stderr]).toEqual([2, `chat: ${graph} imports zod, which is not installed: run npm install in ${dir}\n`]);
      // The server child that failed to load exits on its own, a moment after chat: none is left.
      expect(await serverPidsLeftUnder(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a Python project points to the Python langgraph dev and --url", async () => {
    const r = await e2e.cli(["--project", fixture("project-python"), "-m", "hi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `chat: ${fixture("project-python")}/langgraph.json: Python graphs (agent) are not served by chat: ` +
        "serve them with the Python `langgraph dev` and use --url\n",
    );
  });

  it("several graphs and no --assistant: the line lists the graph ids", async () => {
    const r = await e2e.cli(["--project", fixture("project-several"), "-m", "hi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("chat: project-several has 2 graphs: choose one with --assistant (echo, again)\n");
  });

  it("a missing langgraph.json, a graph file that is not there, and invalid JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chat-bad-project-"));
    try {
      const missing = await e2e.cli(["--project", dir, "-m", "hi"]);
      expect([missing.code, missing.stderr]).toEqual([2, `chat: --project: no langgraph.json in ${dir}\n`]);
      writeFileSync(join(dir, "langgraph.json"), JSON.stringify({ graphs: { agent: "./agent.ts:graph" } }));
      const noFile = await e2e.cli(["--project", dir, "-m", "hi"]);
      expect([noFile.code, noFile.stderr]).toEqual([2, `chat: ${dir}/langgraph.json: graph "agent": ./agent.ts not found\n`]);
      writeFileSync(join(dir, "langgraph.json"), "{ graphs");
      const invalid = await e2e.cli(["--project", dir, "-m", "hi"]);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toMatch(/^chat: .*langgraph\.json is not valid JSON: .+\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

it("chat serve --project: a copy with no node_modules of its own gets chat's @langchain packages, and stops on Ctrl+C", async () => {
  const copy = mkdtempSync(join(tmpdir(), "chat-project-copy-"));
  cpSync(PROJECT, copy, { recursive: true });
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--project", copy], {
    env: e2e.spawnEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const [url, key] = await new Promise<[string, string | undefined]>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        out += d;
        const match = /^LangGraph API server \(graphs echo of .+\) listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1] && out.includes("Ctrl+C")) resolve([match[1], /^ {2}key: {2}(\S+)$/m.exec(out)?.[1]]);
      });
      child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
    });
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(new Client({ apiUrl: url, apiKey: null }).threads.create()).rejects.toThrow(/401/);
    const client = new Client({ apiUrl: url, apiKey: key });
    const thread = await client.threads.create();
    const state = await client.runs.wait(thread.thread_id, "echo", { input: { messages: [{ role: "user", content: "hi" }] } });
    expect(JSON.stringify(state)).toContain("You said: hi");
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(serverPidsUnder(copy)).toEqual([]);
  } finally {
    child.kill("SIGKILL");
    rmSync(copy, { recursive: true, force: true });
  }
});
