// `npm run bench`: start the local deployment, measure, print medians as ratios against
// baselines measured in the same run (these machines are shared and noisy).
// BENCH_RUNS (default 7) repeats per measure; BENCH_BURST (default 500) sizes the burst;
// BENCH_LONG_THREAD (default 120) is the number of runs on the long thread of the storage rows.
process.env.CI = "0"; // Ink only draws live frames outside CI
import { cpus, totalmem, tmpdir } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startLocalDeployment } from "../src/deployment/local.js";
import { bareNode, interactiveStart, scriptedStart } from "./startup.js";
import { renderCost } from "./render.js";
import { burst, bareRss } from "./burst.js";
import { DEEP_LONG_GRAPH, LONG_GRAPH, streamBytes } from "./stream.js";
import { storage } from "./storage.js";
import { PROJECT_CASES, projectStart } from "./project.js";
import { doorCost } from "./door.js";
import { median, ms, printTable, timeProcess, type Row } from "./stats.js";
import { BIN } from "../test/helpers/cli.js";

// Cities the demo agent knows (it looks up no other): each numbered question names one.
const CITIES = ["sf", "nyc", "la", "paris", "tokyo", "rome", "oslo", "lima"];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BURST = Number(process.env.BENCH_BURST ?? 500);
const LONG_THREAD = Number(process.env.BENCH_LONG_THREAD ?? 120);
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const home = mkdtempSync(join(tmpdir(), "chat-bench-"));
const rows: Row[] = [];
const row = (name: string, base: number, value: number, fmt: (x: number) => string, target: number, unit = "×") =>
  rows.push({
    name,
    baseline: fmt(base),
    value: fmt(value),
    ratio: value / base,
    target: `≤ ${target}${unit}`,
    ok: value / base <= target,
  });

const deployment = await startLocalDeployment({
  dataDir: join(home, "data"),
  logFile: join(home, "server.log"),
  latencyMs: 0,
  nWorkers: 10,
  graphs: { long: LONG_GRAPH, "deep-long": DEEP_LONG_GRAPH },
});
// Every chat the bench starts with --url (and the floor) gets this deployment's key, as a user would.
if (deployment.key !== null) process.env.LANGGRAPH_API_KEY = deployment.key;
try {
  console.error(
    `bench: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${RUNS} runs per measure`,
  );

  if (wanted("startup")) {
    const bare = median(await bareNode(RUNS));
    const ui = await interactiveStart(deployment.url, home, RUNS);
    if (ui) {
      row(
        "cold start to first interactive frame (prompt + status bar, connecting; keys typed are kept)",
        bare,
        median(ui.firstFrame),
        ms,
        3,
      );
      row("cold start to the live UI (Ink's frame: thread open, connected)", bare, median(ui.live), ms, 4.5);
    } else console.error("bench: node-pty is not installed; skipping the interactive start");
    row("scripted start to first request", bare, median(await scriptedStart(deployment.url, home, RUNS)), ms, 1.6);
    if (deployment.key !== null) {
      const door = await doorCost(deployment.url, deployment.key, RUNS);
      row(
        "auth check per request (a keyed request, as chat sends) vs one threads.search round trip",
        door.roundTrip,
        door.check,
        ms,
        0.02,
      );
    }
  }

  if (wanted("project")) {
    for (const setup of PROJECT_CASES) {
      const r = await projectStart(home, RUNS, setup);
      row(
        `chat --project, ${setup.name}: launch to first answer (vs langgraphjs dev: to ready)`,
        median(r.dev),
        median(r.chat),
        ms,
        0.5,
      );
    }
  }

  if (wanted("overhead")) {
    const n = 20;
    const floor: number[] = [];
    const chat: number[] = [];
    const args = [
      "--url",
      deployment.url,
      "--json",
      "--strategy",
      "enqueue",
      ...Array.from({ length: n }, (_, i) => ["-m", `what's the weather in ${CITIES[i % CITIES.length]}? (${i})`]).flat(),
    ];
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so drift on a shared machine hits both alike.
      floor.push(await timeProcess(process.execPath, [join(import.meta.dirname, "floor.mjs"), deployment.url, String(n)]));
      chat.push(await timeProcess(process.execPath, [BIN, ...args], { CHAT_CONFIG_DIR: home }));
    }
    row(`client overhead, ${n} enqueued runs (vs raw SDK)`, median(floor), median(chat), ms, 1.03);
  }

  if (wanted("render")) {
    const keys = 200;
    const base = await renderCost(100, keys);
    rows.push({
      name: "keystroke to frame p99, 100 messages",
      baseline: "16.0 ms",
      value: ms(base.p99),
      ratio: base.p99 / 16,
      target: "≤ 1× (16 ms)",
      ok: base.p99 <= 16,
    });
    // While an answer streams, a key waits for Ink's frame throttle more often: the case to compare is the graph's own.
    const graph = await renderCost(100, keys, "graph");
    const subagent = await renderCost(100, keys, "subagent");
    rows.push({
      name: "keystroke to frame p99, 100 messages, a subagent streaming (vs the graph itself streaming)",
      baseline: ms(graph.p99),
      value: ms(subagent.p99),
      ratio: subagent.p99 / graph.p99,
      target: "≤ 1.25×",
      ok: subagent.p99 <= graph.p99 * 1.25,
    });
    for (const n of [1000, 5000]) {
      const r = await renderCost(n, keys);
      rows.push({
        name: `keystroke to frame p99, ${n} messages`,
        baseline: ms(base.p99),
        value: ms(r.p99),
        ratio: r.p99 / base.p99,
        target: "flat; ≤ 16 ms",
        ok: r.p99 <= 16,
      });
      rows.push({
        name: `CPU per keystroke, ${n} messages`,
        baseline: `${base.cpuMicrosPerKey.toFixed(0)} µs`,
        value: `${r.cpuMicrosPerKey.toFixed(0)} µs`,
        ratio: r.cpuMicrosPerKey / base.cpuMicrosPerKey,
        target: "flat",
        ok: undefined,
      });
    }
  }

  if (wanted("stream")) {
    const kb = (x: number) => `${(x / 1024).toFixed(1)} KB/s`;
    for (const [assistant, who] of [
      ["long", "the graph's own answer"],
      ["deep-long", "a deep agent's subagent's answer"],
    ] as const) {
      const r = await streamBytes(deployment.url, home, assistant);
      if (!r) {
        console.error("bench: node-pty is not installed; skipping the streaming rows");
        break;
      }
      row(
        `bytes written per second, long answer into a full 80x24 window (vs the answer's own): ${who}`,
        r.answerBytes / r.seconds,
        r.writtenBytes / r.seconds,
        kb,
        100,
      );
    }
  }

  if (wanted("burst")) {
    const base = await bareRss();
    const r = await burst(deployment.url, home, BURST);
    const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;
    rows.push({
      name: `burst of ${r.count}: peak RSS (vs bare node)`,
      baseline: mb(base),
      value: mb(r.peakRss),
      ratio: r.peakRss / base,
      target: "≤ 150 MB",
      ok: r.peakRss <= 150 * 2 ** 20,
    });
    rows.push({
      name: `burst of ${r.count}: answered / in order / duplicated`,
      baseline: String(r.count),
      value: `${r.answered} / ${r.inOrder ? "yes" : "NO"} / ${r.duplicates}`,
      ratio: r.answered / r.count,
      target: "all / yes / 0",
      ok: r.answered === r.count && r.inOrder && r.duplicates === 0,
    });
    console.error(`bench: burst took ${r.seconds.toFixed(1)} s`);
  }
  if (wanted("storage")) {
    const mb = (x: number) => `${(x / 2 ** 20).toFixed(1)} MB`;
    // Sweeps every 2 s with no grace period, so the bound shows within the run.
    const fast = { graceMs: 0, intervalMs: 2_000 };
    const started = Date.now();
    const long = await storage(home, "long", { threads: 1, runs: LONG_THREAD }, fast);
    const on = `one thread, ${LONG_THREAD} runs`;
    row(`${on}: data on disk (bounded vs all kept)`, long.unbounded.diskBytes, long.bounded.diskBytes, mb, 0.1);
    row(`${on}: server peak RSS (bounded vs all kept)`, long.unbounded.peakRss, long.bounded.peakRss, mb, 0.6);
    const many = await storage(home, "many", { threads: 200, runs: 1 }, { ...fast, keepThreads: 50 });
    row("200 threads, keep 50: data on disk (bounded vs all kept)", many.unbounded.diskBytes, many.bounded.diskBytes, mb, 0.4);
    console.error(`bench: storage took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(printTable(rows));
} finally {
  await deployment.stop();
  rmSync(home, { recursive: true, force: true });
}
