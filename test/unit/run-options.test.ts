// --config / --context values: JSON objects or @file, checked with one-line reasons, and shown short in the status bar.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeRunOptions, jsonObject } from "../../src/settings/run-options.js";
import { statusParts } from "../../src/interactive/status-parts.js";
import { runPayload, streamModes } from "../../src/engine/create.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

it("reads a JSON object inline or from @file, and says in one line what is wrong otherwise", () => {
  const dir = mkdtempSync(join(tmpdir(), "chat-run-options-"));
  try {
    writeFileSync(join(dir, "c.json"), '{"a": {"b": 2}}');
    expect(jsonObject(`@${join(dir, "c.json")}`)).toEqual({ a: { b: 2 } });
    expect(jsonObject(' {"x": 1} ')).toEqual({ x: 1 });
    expect(() => jsonObject("42")).toThrow(/^must be a JSON object, not "42"$/);
    expect(() => jsonObject("null")).toThrow(/must be a JSON object/);
    expect(() => jsonObject(`{${"x".repeat(500)}`)).toThrow(/^not valid JSON: "\{x+… \(\d+ more characters\)"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("every run's payload carries them, answers included, and the status bar names them briefly", () => {
  const message = { index: 0, text: "hi", strategy: "enqueue", kind: "message", messageId: "m" } as OutgoingMessage;
  const options = { configurable: { user_id: "u1" }, context: { tone: "brief" } };
  expect(runPayload(message, ["updates"], options)).toMatchObject({
    config: { configurable: { user_id: "u1" } },
    context: { tone: "brief" },
  });
  const answer = { ...message, kind: "answer", answer: { value: 1, payload: { command: { resume: 1 } } } } as OutgoingMessage;
  expect(runPayload(answer, ["updates"], options)).toMatchObject({ command: { resume: 1 }, context: { tone: "brief" } });
  expect(runPayload(message, ["updates"])).not.toHaveProperty("config");
  const text = describeRunOptions(options);
  expect(text).toBe('config {"user_id":"u1"} · context {"tone":"brief"}');
  const bar = { deployment: "local", assistant: "agent", threadId: "t", strategy: "enqueue", connection: "connected" } as const;
  expect(statusParts({ ...bar, runSettings: text }).map((p) => p.text)).toContain(text);
  expect(describeRunOptions({})).toBeUndefined();
});

it("runs stream tokens and updates; checkpoints (the whole state each) only where asked and while the thread is short", () => {
  const base = ["messages-tuple", "updates"];
  expect(streamModes(false, 0)).toEqual(base);
  expect(streamModes(true, 49)).toEqual([...base, "checkpoints"]);
  expect(streamModes(true, 50)).toEqual(base);
});
