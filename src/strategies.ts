// The four multitask strategies, defined once for the CLI, the engine and the docs.
export const STRATEGIES = ["reject", "interrupt", "rollback", "enqueue"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_HELP: Record<Strategy, string> = {
  reject: "the server refuses the new message while a run is in flight",
  interrupt: "the run in flight is stopped, its output so far is kept, the new one runs",
  rollback: "the run in flight is stopped and deleted, the new one runs",
  enqueue: "the new message waits its turn and runs after the ones before it",
};

export function isStrategy(value: string): value is Strategy {
  return (STRATEGIES as readonly string[]).includes(value);
}
