// Runs the built CLI (bin/chat.js) with its own config dir, or any other program, as a child process; always reaped.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/chat.js", import.meta.url));

/** The caller's environment without settings that would point chat somewhere else. */
export function hermetic(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of [
    "CHAT_URL",
    "CHAT_ASSISTANT",
    "CHAT_STRATEGY",
    "CHAT_DEMO_LATENCY_MS",
    "LANGGRAPH_API_KEY",
    "LANGSMITH_API_KEY",
    "LANGCHAIN_API_KEY",
  ]) {
    delete copy[name];
  }
  return copy;
}

/** The keys of the deployments tests started, by URL: `--url` one of them and chat gets its key, as a user who exported it. */
export const deploymentKeys = new Map<string, string | null>();

/** LANGGRAPH_API_KEY for the test deployment `args` name with --url, if any. */
export function keyFor(args: string[]): NodeJS.ProcessEnv {
  const url = args[args.indexOf("--url") + 1];
  const key = args.includes("--url") && url !== undefined ? deploymentKeys.get(url) : undefined;
  return typeof key === "string" ? { LANGGRAPH_API_KEY: key } : {};
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const env = { ...hermetic(process.env), NO_COLOR: "1", ...keyFor(args), ...options.env };
  return runCommand(process.execPath, [BIN, ...args], { ...options, env, name: `chat ${args.join(" ")}` });
}

export interface CommandOptions {
  /** The whole environment (nothing is added to it). */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  timeoutMs?: number;
  /** The command as a failure names it (default: the file and its arguments). */
  name?: string;
}

/** Runs a program (found on `env.PATH` unless a path) to its end and collects its output; killed when it takes too long. */
export function runCommand(file: string, args: string[], options: CommandOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      const name = options.name ?? [file, ...args].join(" ");
      reject(new Error(`${name} did not finish in time\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}
