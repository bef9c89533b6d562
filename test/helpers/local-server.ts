// Starts the real local deployment (built code) in a temp dir for one test file; always stopped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@langchain/langgraph-sdk";
import { startLocalDeployment, type LocalDeployment, type LocalOptions } from "../../src/deployment/local.js";
import { Session } from "../../src/engine/session.js";
import type { SessionEvent } from "../../src/engine/types.js";
import type { MessageDict } from "../../src/engine/message.js";
import { deploymentKeys } from "./cli.js";

export interface TestServer {
  deployment: LocalDeployment;
  client: Client;
  createClient: Client;
  dir: string;
  stop(): Promise<void>;
}

export async function startTestServer(options: LocalOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "chat-test-"));
  const deployment = await startLocalDeployment({
    dataDir: join(dir, "data"),
    logFile: join(dir, "server.log"),
    ...options,
  });
  deploymentKeys.set(deployment.url, deployment.key);
  const client = new Client({ apiUrl: deployment.url, apiKey: deployment.key });
  const createClient = new Client({ apiUrl: deployment.url, apiKey: deployment.key, callerOptions: { maxRetries: 0 } });
  return {
    deployment,
    client,
    createClient,
    dir,
    stop: async () => {
      await deployment.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A session on a new thread that records every event it emits. */
export async function recordedSession(server: TestServer, assistantId = "agent") {
  const thread = await server.client.threads.create();
  const session = await Session.open({
    client: server.client,
    createClient: server.createClient,
    assistantId,
    threadId: thread.thread_id,
  });
  const events: SessionEvent[] = [];
  session.subscribe((event) => events.push(event));
  const emitted = (): MessageDict[] => events.flatMap((e) => (e.type === "messages" ? [...e.messages] : []));
  const threadMessages = async (): Promise<MessageDict[]> => {
    const state = await server.client.threads.getState(thread.thread_id);
    return (state.values as { messages: MessageDict[] }).messages;
  };
  /** Resolves once message `index` has streamed an `updates` event from the given node. */
  const afterNode = (index: number, node: string) =>
    new Promise<void>((resolve) => {
      session.subscribe((e) => {
        if (
          e.type === "stream" &&
          e.index === index &&
          e.event === "updates" &&
          typeof e.data === "object" &&
          e.data &&
          node in e.data
        ) {
          resolve();
        }
      });
    });
  return { session, threadId: thread.thread_id, events, emitted, threadMessages, afterNode };
}
