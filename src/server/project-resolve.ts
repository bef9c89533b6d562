// Module resolution hooks for a --project's server (registered by server-child.ts, run on Node's
// loader thread). The API server and the project's graphs must share one @langchain/langgraph, so
// every import of it resolves from the project; a project without its own copy gets chat's.
import type { InitializeHook, ResolveHook } from "node:module";

export interface ResolveData {
  /** A file URL inside the project (its first graph file): resolution starts from there. */
  project: string;
  /** A file URL inside chat's package: where to look when the project has no such package. */
  fallback: string;
}

let data: ResolveData | undefined;
/** Where @langchain/langgraph itself resolved: its checkpoint package is the one beside it. */
let langgraphUrl: string | undefined;

export const initialize: InitializeHook<ResolveData> = (given) => {
  data = given;
};

const SHARED = /^@langchain\/langgraph(-checkpoint)?(\/.+)?$/;

const notFound = (err: unknown) =>
  err instanceof Error &&
  ["ERR_MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED"].includes((err as { code?: string }).code ?? "");

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  if (!data) return nextResolve(specifier, context);
  if (SHARED.test(specifier)) {
    const checkpoint = specifier.startsWith("@langchain/langgraph-checkpoint");
    const from = checkpoint && langgraphUrl ? langgraphUrl : data.project;
    try {
      const found = await nextResolve(specifier, { ...context, parentURL: from });
      if (specifier === "@langchain/langgraph") langgraphUrl ??= found.url;
      return found;
    } catch (err) {
      if (!notFound(err)) throw err;
      const found = await nextResolve(specifier, { ...context, parentURL: data.fallback });
      if (specifier === "@langchain/langgraph") langgraphUrl ??= found.url;
      return found;
    }
  }
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    // Other @langchain packages a graph imports (core, say) come from chat when the project has none.
    if (!notFound(err) || !specifier.startsWith("@langchain/")) throw err;
    return nextResolve(specifier, { ...context, parentURL: data.fallback });
  }
};
