// The four multitask strategies, defined once for the CLI, the engine and the docs.
export const STRATEGIES = ["reject", "interrupt", "rollback", "enqueue"] as const;
export type Strategy = (typeof STRATEGIES)[number];

// As measured on the LangGraph.js server (README, "What the server really does").
export const STRATEGY_HELP: Record<Strategy, string> = {
  reject: "refused (HTTP 422 here, 409 on LangGraph Platform) while a run is running or pending; those go on untouched",
  interrupt: "the running run is stopped, its output so far kept; pending runs are cancelled before they start; the new one runs",
  rollback:
    "pending runs are deleted; the running one is stopped with its output kept (LangGraph Platform deletes it too); the new one runs",
  enqueue: "the new message waits its turn behind the running and pending runs",
};

export function isStrategy(value: string): value is Strategy {
  return (STRATEGIES as readonly string[]).includes(value);
}
