// Taking a queued message back from the UI (/unsend, /drop, Alt+↑) over a real engine session and
// a simulated server with the JS server's queue: the run is cancelled before it starts and never
// runs, its text (and strategy) comes back into the input, and Enter sends it again last in line.
import { describe, expect, it } from "vitest";
import { ChatController, type ChatSnapshot } from "../../src/interactive/controller.js";
import { memoryHistory } from "../../src/interactive/input-history.js";
import { plainTheme } from "../../src/pretty-print/pretty.js";
import { simulatedSession } from "../helpers/fake-server.js";
import { snapshotUntil } from "../helpers/snapshot-wait.js";

async function setup() {
  const { server, session } = await simulatedSession();
  const controller = new ChatController({
    session,
    openSession: async () => session,
    strategy: "enqueue",
    history: memoryHistory([]),
    theme: () => plainTheme,
  });
  const snap = () => controller.getSnapshot();
  const submit = (text: string) => {
    controller.key(text, {});
    controller.key("\r", { return: true });
  };
  /** Resolves once the snapshot satisfies `check`; fails after 2 s saying what it waited for. */
  const until = (what: string, check: (s: ChatSnapshot) => boolean) => snapshotUntil(controller, what, check, 2000);
  const said = () =>
    snap()
      .items.map((i) => i.text)
      .join("\n");
  const statuses = () =>
    snap()
      .messages.map((m) => m.status)
      .join(" ");
  return { server, session, controller, snap, submit, until, said, statuses };
}

/** Three messages: the first running, two pending behind it. */
async function queueOfThree() {
  const ui = await setup();
  ui.submit("one");
  ui.submit("/rollback two"); // behind nothing pending yet: it stops #1 and runs
  ui.submit("/enqueue three");
  ui.submit("/enqueue four");
  await ui.until("#2 running, #3 and #4 pending", () => ui.statuses() === "interrupted running pending pending");
  return ui;
}

describe("taking a queued message back", () => {
  it("/unsend #n cancels its run before it starts, puts its text in the input, and Enter sends it again last, with its strategy", async () => {
    const ui = await queueOfThree();
    ui.controller.key("\t", { tab: true }); // the strategy in use is now another one
    ui.submit("/unsend #3");
    await ui.until("#3 withdrawn", () => ui.statuses() === "interrupted running withdrawn pending");
    await ui.controller.settled();
    expect(ui.snap().input.value).toBe("three");
    expect(ui.said()).toMatch(/#3 taken back: its text is in the input/);
    const run3 = ui.server.runs.find((r) => r.run_id === ui.snap().messages[2]?.runId);
    expect(run3).toMatchObject({ status: "interrupted", stoppedBy: "cancel" });
    expect(run3?.ran).toBeUndefined();
    ui.controller.key("\r", { return: true });
    await ui.until("#5 pending", () => ui.snap().messages[4]?.status === "pending");
    expect(ui.snap().messages[4]).toMatchObject({ text: "three", strategy: "enqueue" });
    // The server's queue order: #4 before the resent #3.
    const order = ui.server.runs.filter((r) => r.status === "pending").map((r) => r.kwargs.input?.messages?.[0]?.content);
    expect(order).toEqual(["four", "three"]);
  });

  it("/drop #n takes it back without touching the input; Alt+↑ takes back the newest, keeping what was typed in ↑ history", async () => {
    const ui = await queueOfThree();
    ui.submit("/drop 3");
    await ui.until("#3 withdrawn", () => ui.snap().messages[2]?.status === "withdrawn");
    expect(ui.snap().input.value).toBe("");
    expect(ui.said()).toMatch(/#3 taken back: dropped \(↑ and Ctrl\+R still have it\)/);
    ui.controller.key("half typed", {});
    ui.controller.key("", { meta: true, upArrow: true });
    await ui.until("#4 withdrawn", () => ui.snap().messages[3]?.status === "withdrawn");
    await ui.controller.settled();
    expect(ui.snap().input.value).toBe("four");
    ui.controller.key("", { upArrow: true });
    expect(ui.snap().input.value).toBe("half typed");
  });

  it("a running, ended, missing or #0 message is not taken back: one line, nothing changes", async () => {
    const ui = await queueOfThree();
    const before = ui.statuses();
    for (const [line, why] of [
      ["/unsend #2", /#2 is running: it is not taken back \(Esc or \/cancel stops it\)/],
      ["/unsend #1", /#1 has ended \(interrupted\): nothing to take back/],
      ["/drop #99", /there is no #99/],
      ["/unsend #0", /usage: \/unsend #n/],
    ] as const) {
      ui.submit(line);
      await ui.controller.settled();
      expect(ui.said()).toMatch(why);
    }
    expect(ui.statuses()).toBe(before);
    expect(ui.server.runs.filter((r) => r.stoppedBy === "cancel")).toEqual([]);
  });

  it("two take-backs of one message at once (Alt+↑ twice) make one request and get one answer", async () => {
    const ui = await queueOfThree();
    const [first, second] = await Promise.all([ui.session.withdraw(3, "drop"), ui.session.withdraw(3, "drop")]);
    expect(second).toBe(first);
    expect(first).toMatchObject({ withdrawn: { index: 3 } });
    expect(ui.server.runs.filter((r) => r.stoppedBy === "cancel")).toHaveLength(1);
    expect(ui.session.illegal).toEqual([]);
  });
});
