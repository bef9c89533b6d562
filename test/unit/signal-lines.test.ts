// What the scripted face says on stderr when a signal ends chat: the messages it cut off, by number.
import { expect, it } from "vitest";
import { signalLines } from "../../src/scripted/report.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

const message = (index: number, status: OutgoingMessage["status"], runId?: string) =>
  ({ index, status, strategy: "enqueue", text: `message ${index + 1}`, runId }) as OutgoingMessage;

const messages = [message(0, "success", "r1"), message(1, "running", "r2"), message(2, "pending", "r3"), message(3, "held")];

it("names each unfinished message: cut off with the local deployment, never sent when it has no run", () => {
  expect(signalLines(messages, "SIGTERM", true, "chat --local --thread t")).toEqual([
    "chat: stopped by SIGTERM: 2 message(s) cut off: the local deployment stops with chat:",
    '  #2 "message 2"',
    '  #3 "message 3"',
    "chat: stopped by SIGTERM: 1 message(s) never sent:",
    '  #4 "message 4"',
  ]);
});

it("on a remote deployment the runs keep going, and the line says how to see them", () => {
  expect(signalLines(messages.slice(0, 2), "SIGINT", false, "chat --url http://x --thread t")).toEqual([
    "chat: stopped by SIGINT: 1 message(s) unfinished: their runs keep going on the server (see them with: chat --url http://x --thread t):",
    '  #2 "message 2"',
  ]);
  expect(signalLines(messages.slice(0, 1), "SIGTERM", true, "chat")).toEqual([]);
});
