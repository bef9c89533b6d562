// The built-in local deployment: the official LangGraph.js API server, forked on 127.0.0.1
// with the demo graph as `agent` (or a --project's graphs). Its logs go to a file; it is always
// stopped with us.
import { fork, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConnectionError } from "../errors.js";
import { builtFile, localDataDir, projectDataDir, projectLogFile, serverLogFile, serverOverlaysDir } from "../settings/paths.js";
import { lockDataDir, type DataLock } from "./lock.js";
import { missingPackageError, projectKey, type Project } from "./project.js";
import { newKey } from "./serve-key.js";
import { RETENTION, type Retention } from "../server/retention.js";
import type { GraphInputs } from "../server/graph-inputs.js";
import type { ChildMessage, KeyMessage, ServerConfig } from "../server/protocol.js";

export interface LocalOptions {
  port?: number;
  host?: string;
  /** Demo graph latency per step, read by the graph in the server process. */
  latencyMs?: number;
  dataDir?: string;
  logFile?: string;
  /** Extra graphs (id -> "/abs/path.js:export"), e.g. a test's own graph. */
  graphs?: Record<string, string>;
  nWorkers?: number;
  readyTimeoutMs?: number;
  /** Overrides of what is kept (see retention.ts); false keeps everything, as the server alone does. */
  retention?: Partial<Retention> | false;
  /** Deletes the server's data (threads, runs, checkpoints, store) first, under the data lock. */
  reset?: boolean;
  /** Serve this project's graphs (only those), with its env, from its own data dir and log. */
  project?: Project;
  /** The key every request must carry (see door.ts): a new one by default, null for none. */
  key?: string | null;
  /** Web origins (e.g. LangGraph Studio's) allowed to call it from a browser. */
  allowOrigins?: string[];
}

export interface LocalDeployment {
  readonly url: string;
  readonly logFile: string;
  readonly dataDir: string;
  /** The server process, for measuring it (the bench reads its memory). */
  readonly pid: number;
  readonly exited: Promise<number | null>;
  /** Resolves (with how it ended) only when the server exits without being asked to. */
  readonly crashed: Promise<string>;
  /** Graph id -> its input fields, for the graphs the server could say of (see graph-inputs.ts). */
  readonly graphInputs: Readonly<GraphInputs>;
  /** What a client sends as x-api-key; null when the deployment takes none. */
  readonly key: string | null;
  stop(): Promise<void>;
}

/** Where the server itself keeps its data, under its working directory (our lock file sits beside it). */
export const serverDataDir = (dataDir: string) => join(dataDir, ".langgraph_api");

/** http://host:port, with IPv6 hosts in brackets. */
export function httpUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort: a child still alive when we exit gets SIGTERM (it also exits on disconnect). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGTERM");
  });
}

function tail(file: string, lines = 5): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Keys in our environment (for other deployments) stay out of its process; its own comes over IPC. */
function withoutSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of ["LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"]) delete copy[name];
  return copy;
}

/** Where a deployment keeps its data: the built-in one's, or each project's own. */
export const deploymentDataDir = (project?: Project) => (project ? projectDataDir(projectKey(project)) : localDataDir());

export async function startLocalDeployment(options: LocalOptions = {}): Promise<LocalDeployment> {
  const host = options.host ?? "127.0.0.1";
  const dataDir = options.dataDir ?? deploymentDataDir(options.project);
  const logFile = options.logFile ?? (options.project ? projectLogFile(projectKey(options.project)) : serverLogFile());
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dirname(logFile), { recursive: true });
  const lock = lockDataDir(dataDir, options.project ? `the deployment of ${options.project.dir}` : undefined);
  try {
    // Only with the lock held: a chat using this data would have its threads vanish underneath it.
    if (options.reset) rmSync(serverDataDir(dataDir), { recursive: true, force: true });
    return await start(options, host, dataDir, logFile, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

function builtInGraphs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    agent: `${builtFile("server/demo-graph.js")}:graph`,
    approve: `${builtFile("server/approve-graph.js")}:graph`,
    ...extra,
  };
}

/** Forks the server child with its log as stdout and stderr; `exited` resolves with its exit code. */
function spawnServer(options: LocalOptions, host: string, dataDir: string, logFile: string) {
  const { project } = options;
  const config: ServerConfig = {
    port: options.port ?? 0,
    host,
    // Each idle worker looks for new runs at a random 0–1 s, so 32 pick a run up in 30 ms on
    // average, where `langgraph dev`'s ten take 90 ms; idle, they cost 1% of a core more.
    nWorkers: options.nWorkers ?? 32,
    cwd: dataDir,
    graphs: project ? project.graphs : builtInGraphs(options.graphs),
    retention: options.retention === false ? null : { ...RETENTION, ...options.retention },
    project: project && { resolveFrom: project.firstFile, overlays: serverOverlaysDir() },
    allowOrigins: options.allowOrigins ?? [],
  };
  const log = openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    // The project's env fills in what ours lacks, as `langgraph dev` does.
    ...project?.env,
    ...withoutSecrets(process.env),
    CHAT_SERVER_CONFIG: JSON.stringify(config),
    LOG_LEVEL: process.env.CHAT_SERVER_LOG_LEVEL ?? "error",
    LANGSMITH_TRACING: "false",
  };
  if (options.latencyMs !== undefined) env.CHAT_DEMO_LATENCY_MS = String(options.latencyMs);
  // A project's graph may read files relative to where it is run, as under `langgraph dev`.
  const child = fork(builtFile("server/server-child.js"), [], {
    cwd: project?.dir ?? dataDir,
    env,
    stdio: ["ignore", log, log, "ipc"],
    execArgv: [],
  });
  closeSync(log);
  const key = options.key === undefined ? newKey() : options.key;
  child.send({ type: "key", key } satisfies KeyMessage);
  running.add(child);
  installExitHook();
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  return { child, exited, key };
}

interface Ready {
  port: number;
  inputs: GraphInputs;
}

/** The port the child says it listens on (and its graphs' inputs), or why it never will. */
function whenReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  logFile: string,
  timeoutMs: number,
  project?: Project,
): Promise<Ready> {
  return new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new ConnectionError(`the local deployment did not start in time (log: ${logFile})`));
    }, timeoutMs);
    child.on("message", (msg: Partial<ChildMessage>) => {
      if (msg.type === "ready" && typeof msg.port === "number") {
        clearTimeout(timer);
        resolve({ port: msg.port, inputs: msg.inputs ?? {} });
      } else if (msg.type === "failed") {
        clearTimeout(timer);
        // A package the project lacks is the user's configuration, not a deployment out of reach.
        if (project && msg.missing) reject(missingPackageError(project, msg.missing));
        else reject(new ConnectionError(`the local deployment failed to start: ${msg.message} (log: ${logFile})`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new ConnectionError(`the local deployment exited (code ${code}): ${tail(logFile)} (log: ${logFile})`));
    });
  });
}

async function start(
  options: LocalOptions,
  host: string,
  dataDir: string,
  logFile: string,
  lock: DataLock,
): Promise<LocalDeployment> {
  const { child, exited, key } = spawnServer(options, host, dataDir, logFile);
  const { port, inputs } = await whenReady(child, exited, logFile, options.readyTimeoutMs ?? 60_000, options.project);
  const url = httpUrl(host, port);
  lock.setUrl(url, key);
  void exited.then(() => lock.release());
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      lock.release();
    })());
  const crashed = new Promise<string>((resolve) => {
    void exited.then((code) => {
      if (!stopping) resolve(code === null ? `killed by ${child.signalCode ?? "a signal"}` : `exit code ${code}`);
    });
  });
  return { url, logFile, dataDir, pid: child.pid ?? 0, exited, crashed, stop, graphInputs: inputs, key };
}
