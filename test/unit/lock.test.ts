import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { afterEach, beforeEach, expect, it } from "vitest";
import { lockDataDir } from "../../src/deployment/lock.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chat-lock-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("a second local deployment on the same data is refused, naming the running one's URL", async () => {
  // Another live process owns the lock.
  const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 5000)"], { stdio: "ignore" });
  try {
    writeFileSync(join(dir, "chat.lock"), JSON.stringify({ pid: other.pid, url: "http://127.0.0.1:4242" }));
    expect(() => lockDataDir(dir)).toThrow(
      /in use by another chat \(pid \d+\); connect to it with --url http:\/\/127\.0\.0\.1:4242/,
    );
  } finally {
    other.kill();
  }
});

it("takes over a lock left by a chat that died, and releases it", () => {
  writeFileSync(join(dir, "chat.lock"), JSON.stringify({ pid: 2 ** 22 + 12345 }));
  const lock = lockDataDir(dir);
  lock.setUrl("http://127.0.0.1:1", "k");
  expect(JSON.parse(readFileSync(join(dir, "chat.lock"), "utf8"))).toEqual({
    pid: process.pid,
    url: "http://127.0.0.1:1",
    key: "k",
  });
  lock.release();
  expect(existsSync(join(dir, "chat.lock"))).toBe(false);
});
