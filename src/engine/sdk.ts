// The narrow slice of the LangGraph SDK the engine uses, and narrowing of what it throws.
import type { Client } from "@langchain/langgraph-sdk";

export interface EngineClient {
  runs: Pick<Client["runs"], "create" | "get" | "list" | "joinStream" | "cancel">;
  threads: Pick<Client["threads"], "get" | "getState" | "getHistory">;
}

/** The HTTP status of an SDK error (its HTTPError class is not exported). */
export function httpStatus(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null || !("status" in err)) return undefined;
  const status = (err as { status: unknown }).status;
  return typeof status === "number" ? status : undefined;
}

/** 409 (LangGraph Platform) and 422 (LangGraph.js server) both mean "rejected". */
export function isRejection(err: unknown): boolean {
  const status = httpStatus(err);
  return status === 409 || status === 422;
}

/** The server's own words from an SDK error, without the "HTTP 422: " prefix or JSON wrapping. */
export function serverMessage(err: unknown): string {
  if (typeof err === "object" && err !== null && "text" in err && typeof err.text === "string") {
    try {
      const body = JSON.parse(err.text) as unknown;
      if (typeof body === "object" && body !== null) {
        const b = body as Record<string, unknown>;
        const text = b.detail ?? b.message ?? b.error;
        if (typeof text === "string") return text;
      }
    } catch {
      // not JSON: the text itself
    }
    return err.text;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Retrying may help: no answer at all, or a 5xx. */
export function isTransient(err: unknown): boolean {
  const status = httpStatus(err);
  return status === undefined || status >= 500;
}
