// Small helpers: timing child processes, medians and percentiles, the results table.
import { spawn } from "node:child_process";

export const median = (xs: number[]) => percentile(xs, 50);

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? NaN;
}

export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Wall time of a child process from spawn to exit, in ms; rejects on a non-zero exit. */
export function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) =>
      code === 0 ? resolve(now() - start) : reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${err}`)),
    );
  });
}

export interface Row {
  name: string;
  baseline: string;
  value: string;
  ratio: number;
  target: string;
  ok: boolean | undefined;
}

export function printTable(rows: Row[]): string {
  const header = ["measure", "baseline", "value", "ratio", "target", ""];
  const lines = rows.map((r) => [
    r.name,
    r.baseline,
    r.value,
    r.ratio.toFixed(2),
    r.target,
    r.ok === undefined ? "" : r.ok ? "ok" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [fmt(header), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n");
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
