// Creating one run, exactly once: a create that gets no answer or a 5xx is tried again only after
// a look-up (by the client id in the run's metadata) says the server did not make it.
import { setTimeout as sleep } from "node:timers/promises";
import { findRun } from "./lookup.js";
import { httpStatus, isRejection, isTransient, serverMessage, type EngineClient } from "./sdk.js";
import type { ConnectionState, OutgoingMessage, SessionOptions } from "./types.js";
import type { LifecycleEvent } from "./lifecycle.js";

/**
 * How a create ended: a run made (or found), refused by the server, failed to be sent, or
 * unknown (no answer, and no look-up could tell whether the server made it).
 */
export type Created =
  | { status: "pending"; runId: string; detail?: string }
  | { status: "rejected" | "failed" | "unknown"; httpStatus?: number; detail: string };

/** A create's end as the lifecycle event it is. */
export function createdEvent(created: Created): Extract<LifecycleEvent, { type: "created" | "rejected" | "failed" | "lost" }> {
  if (created.status === "pending") return { type: "created", ...created };
  const { status, ...rest } = created;
  return { type: status === "unknown" ? "lost" : status, ...rest };
}

export interface CreateContext {
  /** For look-ups; may retry on its own. */
  client: EngineClient;
  /** For the create itself; must not retry on its own. */
  createClient: EngineClient;
  threadId: string;
  assistantId: string;
  signal: AbortSignal;
  /** Tries of a create that got no answer (default 3). */
  createAttempts?: number;
  retryDelayMs: number;
  /** How long to keep trying while the server answers 429 (default two minutes). */
  rateLimitMs?: number;
  /** How long a create that got no answer may take to land before creating again is safe (default 30 s). */
  landMs?: number;
  /** Told what a person should know while the create waits (rate limited, retrying in N s). */
  notice?(text: string): void;
  setConnection(state: ConnectionState): void;
}

export interface RunRequest {
  readonly clientId: string;
  /** A run an earlier try of this message is known to have made. */
  readonly runId?: string;
  /** A resend: first look for the run the earlier try may have made. */
  readonly resend: boolean;
  /** input or command, strategy, stream modes: everything but the metadata. */
  readonly payload: Record<string, unknown>;
}

export async function createRun(ctx: CreateContext, request: RunRequest): Promise<Created> {
  if (request.resend) {
    const found = await adoptIfMade(ctx, request);
    if (found !== "absent") return found;
  }
  const limited = rateLimiter(ctx.rateLimitMs ?? RATE_LIMIT_MS);
  const attempts = ctx.createAttempts ?? 3;
  // Once a try got no answer it may still land: from then on nothing is "never sent", only unknown.
  let lost = false;
  const gaveUp = (refusal: { httpStatus?: number; detail: string }, detail = refusal.detail): Created =>
    lost
      ? { status: "unknown", ...refusal, detail: `${detail}; an earlier try got no answer and may still land (resend to check)` }
      : { status: "failed", ...refusal, detail };
  for (let attempt = 1; ; attempt++) {
    try {
      const run = await ctx.createClient.runs.create(ctx.threadId, ctx.assistantId, {
        ...request.payload,
        metadata: { chat_client_id: request.clientId },
        signal: ctx.signal,
      });
      ctx.setConnection("connected");
      return { status: "pending", runId: run.run_id };
    } catch (err) {
      const refusal = { httpStatus: httpStatus(err), detail: serverMessage(err) };
      if (isRejection(err)) return { status: "rejected", ...refusal };
      // A 429 made nothing: wait as the server asks (never less than the backoff), while the budget lasts.
      if (refusal.httpStatus === 429) {
        const asked = retryAfterMs(err);
        const wait = limited(asked);
        if (wait === undefined) {
          const why = asked !== undefined && asked > 30_000 ? ` (the server asks to wait ${Math.round(asked / 1000)} s)` : "";
          return gaveUp(refusal, `never sent: rate limited${why}: ${refusal.detail}`);
        }
        ctx.notice?.(`rate limited, retrying in ${Math.round(wait / 1000)} s`);
        if (!(await pause(wait, ctx.signal))) return gaveUp(refusal, `never sent: rate limited: ${refusal.detail}`);
        attempt--;
        continue;
      }
      if (!isTransient(err) || ctx.signal.aborted) return gaveUp(refusal);
      // A refused connection sent nothing: try again, with no look-up needed.
      if (/ECONNREFUSED/.test(refusal.detail)) {
        ctx.setConnection("offline");
        if (attempt >= attempts) return gaveUp(refusal, `nothing was sent: ${refusal.detail}`);
        await sleep(ctx.retryDelayMs * attempt);
        continue;
      }
      // No answer or a 5xx: the server may have made the run, or may yet (a queueing proxy can
      // deliver a create long after the client gave up on it). Only look-ups that say "not there"
      // for as long as a create can take to land allow another try, so one message is one run.
      ctx.setConnection("reconnecting");
      const found = await lookUntilLanded(ctx, request, refusal.detail);
      if (found !== "absent") return found;
      lost = true;
      if (attempt >= attempts) {
        ctx.setConnection("offline");
        // Nothing showed up, but nothing said no either: only a refused connection is known to have sent nothing.
        const waited = `no run for it showed up in ${Math.round((ctx.landMs ?? LAND_MS) / 1000)} s`;
        return {
          status: "unknown",
          ...refusal,
          detail: `${refusal.detail}; ${waited} (resend to check, it will not be doubled)`,
        };
      }
    }
  }
}

const LAND_MS = 30_000;

/** Looks the run up until it is found, or the landing window has passed with it absent (or with the server not saying). */
async function lookUntilLanded(ctx: CreateContext, request: RunRequest, why: string): Promise<Created | "absent"> {
  const until = Date.now() + (ctx.landMs ?? LAND_MS);
  for (let wait = ctx.retryDelayMs; ; wait = Math.min(wait * 2, 5000)) {
    const found = await adoptIfMade(ctx, request, why);
    const settled = found !== "absent" && found.status !== "unknown";
    if (settled || Date.now() >= until || ctx.signal.aborted) return found;
    if (!(await pause(Math.max(0, Math.min(wait, until - Date.now())), ctx.signal))) return found;
  }
}

const RATE_LIMIT_MS = 120_000;

/**
 * The waits for successive 429s: the server's Retry-After, but never less than 1, 2, 4… s (at
 * most 30): a Retry-After of 0, in the past or negative must not make a flood. Undefined once the
 * wait would end past the budget, counted in wall time from the first 429.
 */
export function rateLimiter(budgetMs: number, now: () => number = Date.now): (asked: number | undefined) => number | undefined {
  let start: number | undefined;
  let tries = 0;
  return (asked) => {
    start ??= now();
    const floor = Math.min(1000 * 2 ** tries++, 30_000);
    const wait = Math.max(asked ?? 0, floor);
    return now() - start + wait > budgetMs ? undefined : wait;
  };
}

/** Retry-After in ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const response =
    typeof err === "object" && err !== null && "response" in err ? (err as { response: unknown }).response : undefined;
  const header = response instanceof Response ? response.headers.get("retry-after") : null;
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Sleeps unless aborted; false when aborted. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** The run made for this message, if the server has it; "absent" means creating is safe. */
async function adoptIfMade(ctx: CreateContext, request: RunRequest, why?: string): Promise<Created | "absent"> {
  const lookup = await findRun(ctx.client, ctx.threadId, request.clientId, {
    signal: ctx.signal,
    delayMs: ctx.retryDelayMs,
    knownRunId: request.runId,
  });
  if (lookup === "absent") return "absent";
  if (lookup === "unknown") {
    ctx.setConnection("offline");
    const detail = `${why ? `${why}; ` : ""}cannot tell whether the server got it (resend to check, it will not be doubled)`;
    return { status: "unknown", detail };
  }
  ctx.setConnection("connected");
  // A create that landed late beside a retry made two runs of one message: the first is this
  // message's; the others are cancelled if they have not started, and the message says so.
  const extra = lookup.others ?? [];
  if (extra.length === 0) return { status: "pending", runId: lookup.found };
  const pending = extra.filter((r) => r.status === "pending").map((r) => r.runId);
  await Promise.all(pending.map((id) => ctx.client.runs.cancel(ctx.threadId, id, false, "interrupt").catch(() => undefined)));
  const left = extra.length - pending.length;
  const detail =
    `the server made ${extra.length + 1} runs of this message (a create landed late): following the first` +
    (pending.length ? `, cancelled ${pending.length} not yet started` : "") +
    (left ? `; ${left} had already started and may write twice` : "");
  return { status: "pending", runId: lookup.found, detail };
}

/**
 * What a run streams. Not "values": each carries the whole state, and the JS server keeps every
 * event of a resumable run in memory for as long as it is up. "checkpoints" carry it too, so only
 * where asked and while the thread is short: the last one says the graph is done (see follow.ts).
 */
export function streamModes(checkpoints: boolean, messages: number): string[] {
  return ["messages-tuple", "updates", ...(checkpoints && messages < 50 ? ["checkpoints"] : [])];
}

/** The create of a message's run: its client id (and a run an earlier try made), and its payload; `shown`: messages on the thread so far. */
export function runRequest(message: OutgoingMessage, options: SessionOptions, shown: number): RunRequest {
  const payload = runPayload(message, streamModes(options.checkpoints === true, shown), options.runOptions);
  return { clientId: message.clientId, runId: message.runId, resend: message.retryOf !== undefined, payload };
}

/** What a message's run is made with: its text as new human input, or its answer to the open question. */
export function runPayload(
  message: OutgoingMessage,
  streamModes: readonly string[],
  options: SessionOptions["runOptions"] = {},
): Record<string, unknown> {
  const common = {
    multitaskStrategy: message.strategy,
    streamMode: [...streamModes],
    // Subgraphs (a deep agent's subagents) stream too, so their work is seen as it happens.
    streamSubgraphs: true,
    streamResumable: true,
    ...(options.configurable ? { config: { configurable: options.configurable } } : {}),
    ...(options.context ? { context: options.context } : {}),
    ...(message.fork ? { checkpointId: message.fork } : {}),
  };
  if (message.answer) return { ...common, ...message.answer.payload };
  return { ...common, input: message.input ?? { messages: [{ type: "human", content: message.text, id: message.messageId }] } };
}
