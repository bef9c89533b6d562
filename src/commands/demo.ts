// `chat demo`: the same double-text once per strategy, each on its own thread, concurrently;
// a live view of the lanes at a terminal, then what happened in each (or --json).
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../errors.js";
import { connect, probe } from "../deployment/connect.js";
import { STRATEGIES, isStrategy, type Strategy } from "../strategies.js";
import { safeJson } from "../sanitize.js";
import { onInterrupt } from "../signals.js";
import { drawLiveEvenInCi } from "../interactive/terminal.js";
import type { LaneResult, TimelineEntry } from "../demo/lane.js";
import { LanesStore } from "../demo/lanes-store.js";
import { resolveTarget, type TargetFlags } from "./target.js";

export interface DemoFlags extends TargetFlags {
  strategies?: string;
  after?: number;
  json?: boolean;
}

export function parseStrategies(list: string | undefined): Strategy[] {
  if (list === undefined) return [...STRATEGIES];
  const names = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !isStrategy(n));
  if (bad.length || names.length === 0) {
    throw new UsageError(
      `--strategies takes a comma-separated list of ${STRATEGIES.join(", ")}${bad.length ? ` (not ${bad.join(", ")})` : ""}`,
    );
  }
  return [...new Set(names)] as Strategy[];
}

export async function demoCommand(flags: DemoFlags): Promise<ExitCode> {
  const strategies = parseStrategies(flags.strategies);
  const target = resolveTarget(flags);
  const live = process.stdout.isTTY === true && !flags.json;
  if (live) drawLiveEvenInCi();
  const connection = await connect(target);
  const stop = onInterrupt(() => connection.close());
  try {
    await probe(connection.client, connection.label, target.assistant);
    const { runLane, FIRST, SECOND } = await import("../demo/lane.js");
    // At a terminal the lanes are drawn live: each lane feeds the store, the view reads it.
    const store = live ? new LanesStore(strategies, [FIRST, SECOND]) : undefined;
    const view = store ? await import("../demo/run-demo.js").then((m) => m.startDemoView(store)) : undefined;
    const lanes: LaneResult[] = await Promise.all(
      strategies.map((strategy) =>
        runLane({
          client: connection.client,
          createClient: connection.createClient,
          assistant: target.assistant,
          strategy,
          afterMs: flags.after,
          onEntry: (entry: TimelineEntry) => store?.add(strategy, entry),
        }).finally(() => store?.done(strategy)),
      ),
    );
    await view?.close();
    const { demoJson, demoSummary } = await import("../demo/summary.js");
    process.stdout.write(
      flags.json
        ? `${safeJson(demoJson(lanes))}\n`
        : demoSummary(lanes, process.stdout.isTTY ? process.stdout.columns : undefined),
    );
    const broken = lanes.some((l) => l.statuses.some((s) => s === "error" || s === "failed"));
    return broken ? EXIT.runFailed : EXIT.ok;
  } finally {
    stop();
    await connection.close();
  }
}
