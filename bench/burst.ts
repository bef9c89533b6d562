// Burst: N messages sent as fast as possible with enqueue (scripted --json); all answered, in
// order, none duplicated; peak RSS of the chat process (VmHWM, polled from /proc).
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN } from "../test/helpers/cli.js";
import { now } from "./stats.js";

function peakRss(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak RSS of a bare Node process that stays up a moment (the baseline). */
export async function bareRss(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 300)"], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 200));
  const rss = peakRss(child.pid ?? 0) ?? NaN;
  await new Promise((r) => child.once("exit", r));
  return rss;
}

export interface BurstResult {
  count: number;
  answered: number;
  inOrder: boolean;
  duplicates: number;
  peakRss: number;
  seconds: number;
}

export async function burst(url: string, home: string, count: number): Promise<BurstResult> {
  const questions = Array.from({ length: count }, (_, i) => `burst message ${i + 1}`);
  const script = join(home, "burst.txt");
  writeFileSync(script, `${questions.join("\n")}\n`);
  const start = now();
  const child = spawn(process.execPath, [BIN, "--url", url, "--json", "--strategy", "enqueue", "--script", script], {
    env: { ...process.env, CHAT_CONFIG_DIR: home },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, peakRss(child.pid ?? 0) ?? 0)), 50);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(poll);
  const seconds = (now() - start) / 1000;
  if (code !== 0) throw new Error(`burst run exited ${code}`);
  const events = out
    .trim()
    .split("\n")
    .map(
      (l) => JSON.parse(l) as { type: string; index?: number; messages?: Array<{ id: string; type: string; content: unknown }> },
    );
  const batches = events.filter((e) => e.type === "messages");
  const messages = batches.flatMap((e) => e.messages ?? []);
  const humans = messages.filter((m) => m.type === "human").map((m) => m.content);
  const ids = messages.map((m) => m.id);
  return {
    count,
    answered: events.filter((e) => e.type === "finished" && (e as { status?: string }).status === "success").length,
    inOrder: JSON.stringify(humans) === JSON.stringify(questions) && batches.every((e, i) => e.index === i + 1),
    duplicates: ids.length - new Set(ids).size,
    peakRss: peak,
    seconds,
  };
}
