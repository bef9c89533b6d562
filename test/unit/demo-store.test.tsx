// The demo's lanes store: immutable snapshots, subscribers told of each change, and the live view
// drawing what it holds (waits poll the frame, no sleeps).
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { LanesStore } from "../../src/demo/lanes-store.js";
import { LiveDemo } from "../../src/demo/run-demo.js";

const entry = (t: number, what: string) => ({ t, run: 1 as const, what });

describe("the demo's lanes store", () => {
  it("starts with one empty lane per strategy, in order, none done", () => {
    const store = new LanesStore(["reject", "enqueue"]);
    expect(store.getSnapshot()).toEqual([
      { strategy: "reject", entries: [], done: false },
      { strategy: "enqueue", entries: [], done: false },
    ]);
  });

  it("each change makes a new snapshot and leaves the old one as it was; unchanged lanes keep their identity", () => {
    const store = new LanesStore(["reject", "enqueue"]);
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);
    store.add("reject", entry(10, "created, pending"));
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(before[0]?.entries).toEqual([]);
    expect(after[0]?.entries).toEqual([entry(10, "created, pending")]);
    expect(after[1]).toBe(before[1]);
    store.done("reject");
    expect(store.getSnapshot()).not.toBe(after);
    expect(after[0]?.done).toBe(false);
    expect(store.getSnapshot()[0]).toMatchObject({ done: true, entries: [entry(10, "created, pending")] });
  });

  it("tells every subscriber of each change, and no one after they unsubscribe", () => {
    const store = new LanesStore(["reject", "enqueue"]);
    const told: string[] = [];
    const stop = store.subscribe(() => told.push("a"));
    store.subscribe(() => told.push("b"));
    store.add("enqueue", entry(5, "running"));
    stop();
    store.done("enqueue");
    expect(told).toEqual(["a", "b", "b"]);
  });

  it("what changes nothing tells no one: a lane done twice, a strategy it has no lane for", () => {
    const store = new LanesStore(["reject"]);
    store.done("reject");
    const snapshot = store.getSnapshot();
    let told = 0;
    store.subscribe(() => told++);
    store.done("reject");
    store.add("enqueue", entry(5, "running"));
    expect(told).toBe(0);
    expect(store.getSnapshot()).toBe(snapshot);
  });
});

describe("the live demo reads the store", () => {
  it("draws each entry and a lane's end as the store is fed", async () => {
    const store = new LanesStore(["reject", "enqueue"]);
    const { lastFrame, unmount } = render(<LiveDemo store={store} />);
    const frame = () => lastFrame() ?? "";
    const waitFor = async (pattern: RegExp) => {
      for (const end = Date.now() + 2000; !pattern.test(frame()); await new Promise((r) => setImmediate(r))) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; last frame:\n${frame()}`);
      }
    };
    expect(frame()).toMatch(/reject …/);
    store.add("reject", entry(700, "rejected (HTTP 422)"));
    await waitFor(/0\.70s {2}#1 rejected \(HTTP 422\)/);
    store.done("reject");
    await waitFor(/reject ✓/);
    expect(frame()).toMatch(/enqueue …/);
    unmount();
  });
});
