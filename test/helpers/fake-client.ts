// A pretend deployment at the engine's SDK interface, for unit tests of the engine and the UI.
import type { Run, Thread } from "@langchain/langgraph-sdk";
import type { EngineClient } from "../../src/engine/sdk.js";
import type { MessageDict } from "../../src/engine/message.js";

/** A fake's answer: the SDK's, with only the fields the fake sets (a list: of such items). */
type Answer<R> = R extends Array<infer I> ? Array<Partial<I>> : R extends object ? Partial<R> : R;
/** One SDK method as a fake implements it: the SDK's arguments, some of its answer's fields. */
type FakeMethod<F> = F extends (...args: infer A) => Promise<infer R>
  ? (...args: A) => Promise<Answer<R>>
  : F extends (...args: infer A) => AsyncGenerator<infer Y>
    ? (...args: A) => AsyncGenerator<Y>
    : never;
/** The engine's client as a fake gives it: a fake `satisfies` this, so its methods are the SDK's. */
export type FakeClient = { [Api in keyof EngineClient]: { [M in keyof EngineClient[Api]]: FakeMethod<EngineClient[Api][M]> } };
/** Only the methods a test's code path calls. */
export type PartialFakeClient = { [Api in keyof FakeClient]: Partial<FakeClient[Api]> };

/**
 * A fake handed to the engine as the client it stands in for: the fields its answers leave out
 * (and, for a partial fake, the methods) are ones the code under test does not use.
 */
export function asEngineClient(fake: PartialFakeClient): EngineClient {
  return fake as EngineClient;
}

export type CreateBehaviour =
  | "ok"
  | "made-then-lost"
  | "lands-late"
  | "lost"
  | "refused"
  | "http-500"
  | "http-409"
  | "http-422"
  | "http-400"
  | "http-401"
  | "http-429";

/** Shaped like the SDK's HTTPError: status, body text and (for 429s) the response with its headers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
    readonly response?: Response,
  ) {
    super(`HTTP ${status}: ${text}`);
  }
}

export function connectionError(cause = "fetch failed"): Error {
  const err = new Error(`Unable to connect to LangGraph server. Original error: ${cause}`);
  err.name = "ConnectionError";
  return err;
}

export interface FakeRun {
  run_id: string;
  metadata: Record<string, unknown>;
  /** The multitaskStrategy it was sent with (none given: undefined). */
  strategy: string | undefined;
  text: string;
  status: Run["status"];
  /** An answer's resume command (or null input at a breakpoint). */
  command?: unknown;
}

/** Each create call follows the next scripted behaviour ("ok" when the script runs out). */
/** `landAfterMs`: how long after its lost answer a "lands-late" create is made on the server. */
export function fakeDeployment(
  behaviours: CreateBehaviour[] = [],
  options: { listFails?: number; retryAfter?: string; landAfterMs?: number } = {},
) {
  let listFailures = options.listFails ?? 0;
  const runs: FakeRun[] = [];
  const calls: string[] = [];
  const thread: MessageDict[] = [];
  /** Run number (1-based) -> what its graph asks: `[{id, value}]`, or [] for a breakpoint. */
  const asking = new Map<number, unknown[]>();
  /** What threads.get answers: set `status: "interrupted"` and `interrupts` for a waiting thread. */
  const threadInfo: Partial<Pick<Thread, "status" | "interrupts">> = {};
  let release: () => void = () => {};
  // Runs report "running" while held, so a quiet stream does not end them before releaseRuns().
  let holding = true;
  let released = new Promise<void>((resolve) => (release = resolve));
  const client = {
    runs: {
      async create(_thread, _assistant, payload = {}) {
        const behaviour = behaviours.shift() ?? "ok";
        calls.push(`create:${behaviour}`);
        const record = () => {
          const messages = payload.input?.messages as Array<{ content: string }> | undefined;
          const run: FakeRun = {
            run_id: `run-${runs.length + 1}`,
            metadata: payload.metadata ?? {},
            strategy: payload.multitaskStrategy,
            text: messages?.[0]?.content ?? "",
            status: "success",
            ...(payload.input === undefined || payload.input === null ? { command: payload.command ?? null } : {}),
          };
          runs.push(run);
          return run;
        };
        if (behaviour === "ok") return { ...record(), status: "pending" };
        if (behaviour === "made-then-lost") {
          record();
          throw connectionError();
        }
        if (behaviour === "lost") throw connectionError();
        // Nothing listening: the request never left, as fetch's ECONNREFUSED says.
        if (behaviour === "refused") throw connectionError("connect ECONNREFUSED 127.0.0.1:9");
        // A queueing proxy delivers it after the client gave up: the run appears later.
        if (behaviour === "lands-late") {
          setTimeout(record, options.landAfterMs ?? 100);
          throw connectionError();
        }
        if (behaviour === "http-429") {
          const response = new Response(null, { status: 429, headers: { "retry-after": options.retryAfter ?? "0" } });
          throw new HttpError(429, JSON.stringify({ detail: "Too many requests" }), response);
        }
        throw new HttpError(Number(behaviour.slice(5)), JSON.stringify({ detail: `refused with ${behaviour}` }));
      },
      async list() {
        calls.push("list");
        if (listFailures > 0) {
          listFailures -= 1;
          throw connectionError();
        }
        return runs;
      },
      async *joinStream(_thread, runId) {
        calls.push(`join:${runId}`);
        yield { id: "0", event: "metadata", data: { run_id: runId } };
        // A run told to ask stops at interrupt(): its stream says so, as the server's does.
        const asks = asking.get(Number(runId.slice(4)));
        if (asks !== undefined) yield { id: "1", event: "updates", data: { __interrupt__: asks } };
        await released;
      },
      async get(_thread, runId) {
        const run = runs.find((r) => r.run_id === runId);
        return { status: run && holding ? "running" : (run?.status ?? "success") };
      },
      async cancel(_thread, runId) {
        calls.push(`cancel:${runId}`);
      },
    },
    threads: {
      async get() {
        return { ...threadInfo };
      },
      async getHistory() {
        return [];
      },
      async getState() {
        return { values: { messages: thread } };
      },
    },
  } satisfies FakeClient;
  return {
    client: asEngineClient(client),
    runs,
    calls,
    thread,
    threadInfo,
    /** Makes run number `n` (1-based) stop to ask, as interrupt() does; [] is a breakpoint. */
    ask: (n: number, interrupts: unknown[]) => asking.set(n, interrupts),
    /** Lets every run followed so far (and later) end. */
    releaseRuns: () => {
      holding = false;
      release();
    },
    /** Holds runs followed from now on until the next releaseRuns(). */
    holdRuns: () => {
      holding = true;
      released = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

/** A session on the fake deployment and the UI controller over it, as the Ink view and the bench use them. */
export async function fakeController(fake: ReturnType<typeof fakeDeployment>, threadId: string, retryDelayMs?: number) {
  const [{ Session }, { ChatController }, { memoryHistory }, { plainTheme }] = await Promise.all([
    import("../../src/engine/session.js"),
    import("../../src/interactive/controller.js"),
    import("../../src/interactive/input-history.js"),
    import("../../src/pretty-print/pretty.js"),
  ]);
  const session = await Session.open({ client: fake.client, assistantId: "agent", threadId, retryDelayMs });
  const controller = new ChatController({
    session,
    openSession: async () => session,
    strategy: "enqueue",
    history: memoryHistory(),
    theme: () => plainTheme,
  });
  return { session, controller };
}
