// What chat remembers between runs (last threads, lost runs): kept per key, private, and never a
// reason for a chat to fail.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { readKeyed, writeKeyed } from "../../src/settings/keyed-file.js";
import { lastThread, rememberThread } from "../../src/settings/last-thread.js";
import { readLostRuns, writeLostRuns } from "../../src/settings/lost-runs.js";
import { fileHistory } from "../../src/interactive/input-history.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chat-keyed-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("values are kept per key in a file only its owner can read; undefined deletes one", async () => {
  writeKeyed(dir, "things", "a b", { x: 1 });
  writeKeyed(dir, "things", "c", "see");
  expect(readKeyed(dir, "things", "a b")).toEqual({ x: 1 });
  expect(statSync(join(dir, "things.json")).mode & 0o777).toBe(0o600);
  writeKeyed(dir, "things", "a b", undefined);
  expect(readKeyed(dir, "things", "a b")).toBeUndefined();
  expect(readKeyed(dir, "things", "c")).toBe("see");
});

it("a damaged or non-object file is named, set aside as .corrupt and started afresh, so remembering goes on", () => {
  const said: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((text: string) => (said.push(text), true)) as typeof process.stderr.write;
  try {
    expect(readKeyed(dir, "absent", "k")).toBeUndefined();
    writeFileSync(join(dir, "broken.json"), "{not json");
    expect(readKeyed(dir, "broken", "k")).toBeUndefined();
    writeFileSync(join(dir, "list.json"), "[1, 2]");
    writeKeyed(dir, "list", "k", "v");
    expect(readKeyed(dir, "list", "k")).toBe("v");
  } finally {
    process.stderr.write = write;
  }
  const aside = readdirSync(dir)
    .filter((f) => f.includes(".corrupt-"))
    .sort();
  expect(aside).toEqual([
    expect.stringMatching(/^broken\.json\.corrupt-\d+-\d+$/),
    expect.stringMatching(/^list\.json\.corrupt-\d+-\d+$/),
  ]);
  expect(aside.map((f) => readFileSync(join(dir, f), "utf8"))).toEqual(["{not json", "[1, 2]"]);
  expect(said).toEqual(
    aside.map(
      (f) =>
        `chat: ${join(dir, f.replace(/\.corrupt-.*/, ""))} was not a JSON object; set aside as ${join(dir, f)}, starting afresh\n`,
    ),
  );
});

it.skipIf(process.getuid?.() === 0)("a config directory that cannot be written is no error", async () => {
  chmodSync(dir, 0o500);
  try {
    expect(() => writeKeyed(dir, "things", "k", "v")).not.toThrow();
  } finally {
    chmodSync(dir, 0o700);
  }
});

it("the last thread per deployment and assistant, and lost runs per deployment, round-trip", async () => {
  rememberThread("local", "agent", "t-1", dir);
  rememberThread("local", "approve", "t-2", dir);
  expect([lastThread("local", "agent", dir), lastThread("local", "approve", dir), lastThread("x", "agent", dir)]).toEqual([
    "t-1",
    "t-2",
    undefined,
  ]);
  const lost = [{ threadId: "t", clientId: "c", text: "hi", runId: "r" }];
  writeLostRuns("local", lost, dir);
  expect(readLostRuns("local", dir)).toEqual(lost);
  writeLostRuns("local", [], dir);
  expect(readLostRuns("local", dir)).toEqual([]);
});

it("input history is kept per deployment across instances, newest last, without repeats, 500 at most", () => {
  const local = fileHistory("local", dir);
  local.add("one");
  local.add("two");
  expect(local.add("one")).toEqual(["two", "one"]);
  fileHistory("http://elsewhere", dir).add("other");
  expect(fileHistory("local", dir).load()).toEqual(["two", "one"]);
  for (let i = 0; i < 600; i++) local.add(`m${i}`);
  const kept = fileHistory("local", dir).load();
  expect([kept.length, kept[0], kept.at(-1)]).toEqual([500, "m100", "m599"]);
  expect(statSync(join(dir, "input-history.json")).mode & 0o777).toBe(0o600);
  expect(readdirSync(dir).sort()).toEqual(["input-history.json"]);
});

it("a value that cannot be written leaves the file as it was, and nothing else in the directory", async () => {
  writeKeyed(dir, "things", "k", "v");
  writeKeyed(dir, "things", "bad", 10n);
  expect(readKeyed(dir, "things", "k")).toBe("v");
  expect(readKeyed(dir, "things", "bad")).toBeUndefined();
  expect(readdirSync(dir)).toEqual(["things.json"]);
});

it("a file that is a symlink stays one: its target is what gets replaced", async () => {
  const elsewhere = join(dir, "elsewhere");
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, "real.json"), '{"a": 1}');
  symlinkSync(join(elsewhere, "real.json"), join(dir, "things.json"));
  writeKeyed(dir, "things", "b", 2);
  expect(lstatSync(join(dir, "things.json")).isSymbolicLink()).toBe(true);
  expect(JSON.parse(readFileSync(join(elsewhere, "real.json"), "utf8"))).toEqual({ a: 1, b: 2 });
  expect([readdirSync(dir).sort(), readdirSync(elsewhere)]).toEqual([["elsewhere", "things.json"], ["real.json"]]);
});
