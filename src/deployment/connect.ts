// Turns settings into a live deployment: the local one started on loopback, or a remote URL
// checked once (reachable, credentials, assistant, thread) before any run is sent.
import type { Client, Thread, ThreadState } from "@langchain/langgraph-sdk";
import { ConnectionError, UsageError } from "../errors.js";
import { httpStatus, serverMessage } from "../engine/sdk.js";
import type { LocalDeployment } from "./local.js";
import type { Project } from "./project.js";
import { parseDeploymentUrl } from "../settings/url.js";
import { keyGuardedFetch } from "./guarded-fetch.js";
import { clip } from "../sanitize.js";
import { formKeepingFetch } from "./state-fetch.js";
import { warmUpFetch } from "./warm-up.js";
import { runningDeployment } from "./lock.js";
import { localDataDir } from "../settings/paths.js";
import { UUID } from "../thread-ids.js";

export interface DeploymentOptions {
  url?: string;
  apiKey?: string;
  demoLatencyMs?: number;
  /** Serve this project's graphs on the local deployment instead of the built-in ones. */
  project?: Project;
  /** Use the built-in deployment another chat is running, if one is, instead of starting one. */
  reuseRunning?: boolean;
}

export interface Connection {
  /** "local", "project <dir>" or the URL the user gave. */
  readonly label: string;
  readonly url: string;
  readonly client: Client;
  /** Same deployment, no automatic retries: creating a run is retried only by the engine. */
  readonly createClient: Client;
  readonly local?: LocalDeployment;
  close(): Promise<void>;
}

// Loaded when first needed, so a local deployment's process is forked before it is (the SDK is
// over half of the chat command's code).
const sdk = () => import("@langchain/langgraph-sdk");

async function clients(url: string, apiKey: string | null | undefined): Promise<[Client, Client]> {
  const { Client } = await sdk();
  // Requests that get no answer give up instead of waiting for the socket's own timeout
  // (minutes); streams are not affected. A create that times out is looked up, not repeated.
  // Redirects are followed by us, and the key is dropped when one leaves the deployment's origin.
  // Thread states are read keeping their JSON's form, for the printer (see state-fetch.ts).
  const guarded = keyGuardedFetch(new URL(url).origin);
  const reading = formKeepingFetch(guarded);
  const client = new Client({ apiUrl: url, apiKey, timeoutMs: 30_000, callerOptions: { maxRetries: 2, fetch: reading } });
  const createClient = new Client({ apiUrl: url, apiKey, timeoutMs: 15_000, callerOptions: { maxRetries: 0, fetch: guarded } });
  return [client, createClient];
}

/**
 * The built-in deployment a chat runs here (URL and key, from its 0600 lock file): --url with its
 * address reaches it with its key, whatever LANGGRAPH_API_KEY holds for other deployments.
 */
function runningHere(url?: string): { url: string; key: string | null } | undefined {
  const running = runningDeployment(localDataDir());
  if (!running) return undefined;
  return url === undefined || new URL(url).origin === new URL(running.url).origin ? running : undefined;
}

/** A deployment someone else runs: nothing to stop when we are done. */
async function attach(url: string, apiKey: string | null | undefined, label: string): Promise<Connection> {
  const [client, createClient] = await clients(url, apiKey);
  return { label, url, client, createClient, close: async () => {} };
}

export async function connect(options: DeploymentOptions): Promise<Connection> {
  if (options.url) {
    const url = parseDeploymentUrl(options.url);
    const here = runningHere(url);
    return attach(url, here ? here.key : options.apiKey, url);
  }
  const running = options.reuseRunning && !options.project ? runningHere() : undefined;
  if (running) return attach(running.url, running.key, "local");
  // Loaded only when used: a remote deployment needs no child processes.
  const { startLocalDeployment } = await import("./local.js");
  const { project } = options;
  for (const warning of project?.warnings ?? []) process.stderr.write(`chat: ${warning}\n`);
  const starting = startLocalDeployment({ latencyMs: options.demoLatencyMs, project });
  // Once the server process is on its way (startLocalDeployment forks before its first await).
  void warmUpFetch();
  void sdk().catch(() => undefined);
  const local = await starting;
  const [client, createClient] = await clients(local.url, local.key);
  const label = project ? `project ${project.dir}` : "local";
  return { label, url: local.url, client, createClient, local, close: () => local.stop() };
}

/** A URL in an error line: a 100 KB one is not echoed whole. */
const shown = (label: string) => clip(label, 100);

/** One error for "cannot reach" and "refused credentials"; others pass through. */
export function connectionProblem(err: unknown, label: string): Error {
  const status = httpStatus(err);
  if (status === 401 || status === 403) {
    return new ConnectionError(`${shown(label)} refused the credentials (HTTP ${status}): set LANGGRAPH_API_KEY`);
  }
  if (status === undefined && err instanceof Error && /connect|fetch failed|ECONN/i.test(err.message)) {
    return new ConnectionError(
      `cannot reach the deployment at ${shown(label)}: ${err.message.replace(/^.*Original error: /, "")}`,
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * One cheap request before anything else, which also checks the assistant: a wrong URL, a
 * refused key or something that is not a LangGraph server is one clear line (exit 3), an
 * unknown assistant a usage error that lists what exists (exit 2), before any UI is drawn.
 */
export async function probe(client: Client, label: string, assistant?: string): Promise<void> {
  let found: boolean;
  try {
    const byGraph = assistant !== undefined && !UUID.test(assistant);
    const matches = await client.assistants.search(byGraph ? { graphId: assistant, limit: 1 } : { limit: 1 });
    if (assistant === undefined) return;
    found = byGraph ? matches.length > 0 : await assistantExists(client, assistant);
  } catch (err) {
    const status = httpStatus(err);
    if (err instanceof SyntaxError || status === 404 || status === 405) {
      throw new ConnectionError(`${shown(label)} does not look like a LangGraph server (no assistants API there)`);
    }
    const problem = connectionProblem(err, label);
    if (problem instanceof ConnectionError) throw problem;
    throw new ConnectionError(`${shown(label)} answered ${status ? `HTTP ${status}` : "with an error"}: ${serverMessage(err)}`);
  }
  if (!found && assistant !== undefined) throw await unknownAssistant(client, assistant);
}

async function assistantExists(client: Client, id: string): Promise<boolean> {
  try {
    await client.assistants.get(id);
    return true;
  } catch (err) {
    if (httpStatus(err) === 404) return false;
    throw err;
  }
}

async function unknownAssistant(client: Client, assistant: string): Promise<UsageError> {
  let known: string[] = [];
  try {
    const all = await client.assistants.search({ limit: 100 });
    known = [...new Set(all.map((a) => a.graph_id))].sort();
  } catch {
    // the list is a courtesy
  }
  return new UsageError(
    `unknown assistant ${JSON.stringify(assistant)}` + (known.length ? ` (available: ${known.join(", ")})` : ""),
  );
}

/** A new thread's id. */
export async function createThread(client: Client, label: string): Promise<string> {
  try {
    return (await client.threads.create()).thread_id;
  } catch (err) {
    throw connectionProblem(err, label);
  }
}

/** An existing thread as the server has it (its metadata says which assistant it last ran). */
export async function readThread(client: Client, threadId: string, label: string): Promise<Thread> {
  try {
    return await client.threads.get(threadId);
  } catch (err) {
    throw threadProblem(err, threadId, label);
  }
}

/**
 * A thread's state now: its values read through the form-keeping fetch (state-fetch.ts), so the
 * printer shows them as the server wrote them. What `chat print --thread` and `/export` print.
 */
export async function readThreadState(client: Client, threadId: string, label: string): Promise<ThreadState> {
  try {
    return await client.threads.getState(threadId);
  } catch (err) {
    throw threadProblem(err, threadId, label);
  }
}

/** A thread read that failed, in one line: unknown, not a thread id, or the deployment's problem. */
function threadProblem(err: unknown, threadId: string, label: string): Error {
  const status = httpStatus(err);
  if (status === 404) return new UsageError(`unknown thread ${threadId} on ${shown(label)}`);
  // The server's answer is a validation dump (zod's JSON); what it means fits in a few words.
  if (status === 400 || status === 422)
    return new UsageError(`not a thread id: ${JSON.stringify(threadId)} (thread ids are UUIDs)`);
  return connectionProblem(err, label);
}
