// What the parent (deployment/local.ts) and the server child (server-child.ts) tell each other:
// the config, as JSON in CHAT_SERVER_CONFIG, and the messages over IPC. Types only, so each side
// imports them without loading the other's code.
import type { GraphInputs } from "./graph-inputs.js";
import type { Retention } from "./retention.js";

export interface ServerConfig {
  port: number;
  host: string;
  nWorkers: number;
  cwd: string;
  graphs: Record<string, string>;
  /** What the child keeps of old threads and runs; null keeps everything. */
  retention: Retention | null;
  /** Serving a --project: a file of it to resolve its packages from (TypeScript is loaded too). */
  project?: {
    resolveFrom: string;
    /** Where the server's overlays are kept (see overlay.ts), one per project that has its own @langchain/langgraph. */
    overlays: string;
  };
  /** Web origins allowed (with CORS) besides the deployment's own; the key is sent over IPC. */
  allowOrigins: string[];
}

/** Parent -> child, once: the key every request must carry (null for none). */
export interface KeyMessage {
  type: "key";
  key: string | null;
}

/** A package a project's file imports and its node_modules lacks (see load-errors.ts). */
export interface MissingPackage {
  name: string;
  /** The importing file, absolute. */
  importer: string;
}

/** Child -> parent: listening (and which input fields each graph takes), or why it never will. */
export type ChildMessage =
  { type: "ready"; port: number; inputs: GraphInputs } | { type: "failed"; message: string; missing?: MissingPackage };
