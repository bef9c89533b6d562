// What a typed line becomes: the graph's input schema, waited for only so long at send time.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { messageInput, shapeWithin, type InputShape } from "../../src/engine/input-shape.js";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

const later = (ms: number, shape: InputShape) => new Promise<InputShape>((resolve) => setTimeout(resolve, ms, shape));
const FIELD: InputShape = { kind: "field", field: "topic" };

it("a schema that comes within the wait is used for the first message", async () => {
  const shape = shapeWithin(later(300, FIELD), 1_000);
  const input = messageInput(shape, { kind: "message", text: "owls" });
  await vi.advanceTimersByTimeAsync(300);
  await expect(input).resolves.toEqual({ topic: "owls" });
});

it("a slower schema is not waited for: the first message goes as a message, later ones use the schema", async () => {
  const shape = shapeWithin(later(5_000, FIELD), 1_000);
  let first: unknown = "unsettled";
  void messageInput(shape, { kind: "message", text: "hi" }).then((input) => (first = input));
  await vi.advanceTimersByTimeAsync(999);
  expect(first).toBe("unsettled");
  await vi.advanceTimersByTimeAsync(1);
  expect(first).toBeUndefined(); // undefined: the engine sends a human message
  await vi.advanceTimersByTimeAsync(4_000);
  await expect(messageInput(shape, { kind: "message", text: "owls" })).resolves.toEqual({ topic: "owls" });
});

it("once the wait ran out, later messages are not held again while the schema is still coming", async () => {
  const shape = shapeWithin(later(5_000, FIELD), 1_000);
  const first = messageInput(shape, { kind: "message", text: "one" });
  await vi.advanceTimersByTimeAsync(1_000);
  await expect(first).resolves.toBeUndefined();
  const second = messageInput(shape, { kind: "message", text: "two" });
  await vi.advanceTimersByTimeAsync(0);
  await expect(second).resolves.toBeUndefined();
});

it("the wait starts when a message is sent, not when the schema was asked for", async () => {
  const shape = shapeWithin(later(1_500, FIELD), 1_000);
  await vi.advanceTimersByTimeAsync(800); // typing
  const input = messageInput(shape, { kind: "message", text: "owls" });
  await vi.advanceTimersByTimeAsync(700);
  await expect(input).resolves.toEqual({ topic: "owls" });
});

it("a schema that cannot be read means messages, at once", async () => {
  const shape = shapeWithin(Promise.reject(new Error("500")), 1_000);
  await vi.advanceTimersByTimeAsync(0);
  await expect(messageInput(shape, { kind: "message", text: "hi" })).resolves.toBeUndefined();
});
