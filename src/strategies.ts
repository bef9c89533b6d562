// The four multitask strategies, defined once for the CLI, the engine and the docs.
export const STRATEGIES = ["reject", "interrupt", "rollback", "enqueue"] as const;
export type Strategy = (typeof STRATEGIES)[number];

// As measured on the LangGraph.js server (README, "What the server really does").
export const STRATEGY_HELP: Record<Strategy, string> = {
  reject: "the server refuses the new message while a run is in flight; that run goes on",
  interrupt: "the run in flight is stopped, its output so far is kept, the new one runs",
  rollback:
    "a pending run is deleted; a running one is stopped with its output kept (LangGraph Platform deletes it); the new one runs",
  enqueue: "the new message waits its turn and runs after the ones before it",
};

export function isStrategy(value: string): value is Strategy {
  return (STRATEGIES as readonly string[]).includes(value);
}
