// Who the built-in deployment answers: requests that carry its key (x-api-key), name its own
// address as Host and come from no foreign web page. Loaded in the server process twice over one
// module instance: by server-child (which opens the door once the parent has sent the key over
// IPC) and by the official server as its custom auth (`auth.path`, as langgraph.json's `auth`).
import { createHash, timingSafeEqual } from "node:crypto";
import { Auth, HTTPException } from "@langchain/langgraph-sdk/auth";

export interface DoorConfig {
  /** Required on every request as x-api-key; null: none (`chat serve --open`). */
  key: string | null;
  /** Web origins allowed besides the deployment's own (also given CORS allowance). */
  allowOrigins: string[];
}

/** Host names that mean this machine only; other listen addresses cannot be checked by Host. */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The host:port names of a deployment on this port (its own web origins are http:// these). */
function ownHosts(host: string, port: number): string[] {
  const named = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return [...new Set([named, "127.0.0.1", "localhost", "[::1]"])].map((name) => `${name}:${port}`);
}

interface Open {
  /** The key's digest, made once: a request's key is compared digest to digest. */
  keyDigest: Buffer | null;
  /** Whether Host must name this machine; not when listening on other addresses (any name may reach them). */
  loopbackOnly: boolean;
  origins: Set<string>;
}

/**
 * A Host naming this machine, on any port: a tunnel or proxy to the port keeps working, while a
 * page that reached the port by DNS rebinding still sends its own name and is refused.
 */
function namesLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/:\d+$/, "");
  return isLoopback(name);
}

let door: Open | undefined;
const digest = (text: string) => createHash("sha256").update(text).digest();

/** Called once the server listens (its port known): until then every request is refused. */
export function openDoor(config: DoorConfig, host: string, port: number): void {
  const own = ownHosts(host, port).map((h) => `http://${h}`);
  door = {
    keyDigest: config.key === null ? null : digest(config.key),
    loopbackOnly: isLoopback(host),
    origins: new Set([...own, ...config.allowOrigins]),
  };
  trustInProcess(config.key);
}

/** Constant-time: how much of a wrong key matched is not told by how long the answer took. */
function sameKey(given: string | null, keyDigest: Buffer): boolean {
  return given !== null && timingSafeEqual(digest(given), keyDigest);
}

/** Why a request is refused, or undefined when it may go on. */
export function refusal(headers: Headers): HTTPException | undefined {
  if (!door) return new HTTPException(503, { message: "the deployment is not open yet" });
  // A request made by node:http or fetch always names a Host; one without is the server's own
  // in-process loopback (a graph's own SDK client), which still needs the key.
  const host = headers.get("host");
  if (host !== null && door.loopbackOnly && !namesLoopback(host))
    return new HTTPException(403, { message: "this deployment answers only 127.0.0.1 and localhost" });
  const origin = headers.get("origin");
  if (origin !== null && !door.origins.has(origin))
    return new HTTPException(403, { message: "requests from this web origin are not allowed" });
  if (door.keyDigest !== null && !sameKey(headers.get("x-api-key"), door.keyDigest))
    return new HTTPException(401, { message: "this deployment needs its key (x-api-key)" });
  return undefined;
}

export const auth = new Auth().authenticate((request: Request) => {
  const refused = refusal(request.headers);
  if (refused) throw refused;
  // The server makes the identity every run's configurable.user_id unless the run gives one; empty,
  // a graph's `if (user_id)` behaves as it does where no auth is configured.
  return { identity: "", permissions: [], is_authenticated: true };
});

const LOOPBACK_FETCH = Symbol.for("langgraph_api:fetch");
type LoopbackFetch = (url: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A graph that makes an SDK Client with no URL talks to its own server in process (the server
 * binds that fetch); such calls come from code the server already runs, so they get the key.
 */
function trustInProcess(key: string | null): void {
  const global = globalThis as Record<symbol, LoopbackFetch | undefined>;
  const bound = global[LOOPBACK_FETCH];
  if (!bound || key === null) return;
  global[LOOPBACK_FETCH] = (url, init) => {
    const headers = new Headers(init?.headers ?? (url instanceof Request ? url.headers : undefined));
    if (!headers.has("x-api-key")) headers.set("x-api-key", key);
    return bound(url, { ...init, headers });
  };
}
