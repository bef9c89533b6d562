// Telling the UI of changes: at once, or (a streaming answer's tokens) once within a quarter second.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { Listeners } from "../../src/interactive/listeners.js";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function counted() {
  const listeners = new Listeners();
  const told: number[] = [];
  const off = listeners.add(() => told.push(Date.now()));
  return { listeners, told, off };
}

it("changes told later are told once, 250 ms after the first of them", async () => {
  const { listeners, told } = counted();
  listeners.later();
  await vi.advanceTimersByTimeAsync(100);
  listeners.later();
  listeners.later();
  await vi.advanceTimersByTimeAsync(1000);
  expect(told).toEqual([250]);
});

it("a change told now takes what waited with it, and nothing is told twice", async () => {
  const { listeners, told } = counted();
  listeners.later();
  await vi.advanceTimersByTimeAsync(40);
  listeners.now();
  await vi.advanceTimersByTimeAsync(1000);
  expect(told).toEqual([40]);
});

it("after stop, or for a listener removed, nothing waiting is told", async () => {
  const a = counted();
  a.listeners.later();
  a.listeners.stop();
  const b = counted();
  b.off();
  b.listeners.now();
  await vi.advanceTimersByTimeAsync(1000);
  expect([a.told, b.told]).toEqual([[], []]);
  expect(vi.getTimerCount()).toBe(0);
});
