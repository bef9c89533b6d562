// The demo agent's per-step wait: a flag or CHAT_DEMO_LATENCY_MS, read in the server process.
export const DEFAULT_DEMO_LATENCY_MS = 1000;

export function demoLatencyMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.CHAT_DEMO_LATENCY_MS);
  return env.CHAT_DEMO_LATENCY_MS && Number.isFinite(value) && value >= 0 ? value : DEFAULT_DEMO_LATENCY_MS;
}
