// Two clients double-texting one thread: each run's output is what that run wrote (by the
// run_id in its checkpoints), the other client's messages are told apart, and nothing is shown twice.
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import type { MessageDict } from "../../src/engine/message.js";

const e2e = e2eSetup({ server: { latencyMs: 40, nWorkers: 2 } });
const PLACES = ["sf", "nyc", "la", "paris", "tokyo", "rome"];

interface Event {
  type: string;
  index: number;
  text?: string;
  messages: MessageDict[];
  by_others?: boolean;
}

it("two clients enqueueing on one thread each print their own exchanges whole, and the other's as theirs", async () => {
  const { thread_id: thread } = await e2e.server.client.threads.create();
  const client = (who: string) => {
    const args = ["--url", e2e.url, "--thread", thread, "--strategy", "enqueue", "--json"];
    for (const place of PLACES) args.push("-m", `what's the weather in ${place}? (${who})`);
    return e2e.cli(args, { timeoutMs: 120_000 });
  };
  const [a, b] = await Promise.all([client("A"), client("B")]);
  const final = ((await e2e.server.client.threads.getState(thread)).values as { messages: MessageDict[] }).messages;
  expect(final.filter((m) => m.type === "human")).toHaveLength(2 * PLACES.length);

  for (const [who, result] of [
    ["A", a],
    ["B", b],
  ] as const) {
    expect(result.code, result.stderr).toBe(0);
    const all = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Event);
    // Runs of the other client already on the thread when this one opened it are followed too ("found").
    const textOf = new Map(all.filter((e) => e.type === "sent" || e.type === "found").map((e) => [e.index, e.text]));
    const events = all.filter((e) => e.type === "messages");
    for (const e of events) {
      const humans = e.messages.filter((m) => m.type === "human").map((m) => String(m.content));
      if (e.by_others) {
        expect(
          humans.every((h) => !h.endsWith(`(${who})`)),
          JSON.stringify(humans),
        ).toBe(true);
        continue;
      }
      // One run's output: exactly its own message and the whole exchange that answered it.
      expect(humans).toEqual([textOf.get(e.index)]);
      expect(e.messages.map((m) => m.type)).toEqual(["human", "ai", "tool", "ai"]);
    }
    // Everything shown, ours and theirs, is in the thread's order and shown once.
    const ids = events.flatMap((e) => e.messages.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
    const order = final.map((m) => m.id);
    expect(ids.map((id) => order.indexOf(id))).toEqual([...ids.map((id) => order.indexOf(id))].sort((x, y) => x - y));
    const own = all.filter((e) => e.type === "sent").map((e) => e.index);
    expect(own).toHaveLength(PLACES.length);
    for (const index of own) expect(events.filter((e) => e.index === index && !e.by_others)).toHaveLength(1);
  }
});
