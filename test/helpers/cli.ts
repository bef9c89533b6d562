// Runs the built CLI (bin/chat.js) as a child process with its own config dir; always reaped.
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
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...hermetic(process.env), NO_COLOR: "1", ...keyFor(args), ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`chat ${args.join(" ")} did not finish in time\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}
