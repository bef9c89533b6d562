// Differential test of the printer against Python: seeded, generated message lists (tool calls
// with nested args, list content blocks, numbers in every form, integer-like keys, escapes and
// controls) are printed by chat's printer and by python3's json.loads + pretty_print's repr
// (test/fixtures/pretty_repr.py); the outputs must be identical, after chat's neutralising.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { messagesOfJson } from "../../src/commands/print.js";
import { prettyTranscript } from "../../src/pretty-print/pretty.js";
import { neutralise } from "../../src/sanitize.js";
import { random } from "../helpers/random.js";

const SCRIPT = fileURLToPath(new URL("../fixtures/pretty_repr.py", import.meta.url));
const CASES = 400;
const python = spawnSync("python3", ["--version"]).status === 0;
// CI sets CHAT_REQUIRE_PYTHON (as CHAT_REQUIRE_PTY for the terminal tests): there it must run, not skip.
if (!python && process.env.CHAT_REQUIRE_PYTHON)
  throw new Error("the differential test needs python3 (CHAT_REQUIRE_PYTHON is set): install it");
if (!python) console.warn("differential test skipped: python3 is not on this machine");

class Gen {
  constructor(private readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const PIECES = [
  "weather",
  "sf",
  " ",
  "it's",
  'say "hi"',
  "both ' and \"",
  "back\\slash",
  "\n",
  "\t",
  "\r\n",
  "é",
  "日本",
  "😀",
  "👩\u200d💻",
  "\u00a0",
  "\u200b",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\x1b[31m",
  "\x07",
  "\x7f",
  "\x85",
  "\x9b",
  "\x0b",
  "\x0c",
  "\x1c",
  "\u2028",
  "\u3000",
  "\ud800",
  "\udfff",
  "50%",
  "{}",
  "[1]",
  "None",
];
const NUMBERS = [
  "0",
  "-0",
  "7",
  "-42",
  "20.0",
  "-0.0",
  "0.5",
  "1.0e2",
  "1e16",
  "1E16",
  "2.5e20",
  "2.5E+20",
  "1e-05",
  "0.00001",
  "0.0001",
  "1e400",
  "-1e400",
  "123456789012345678901234567890",
  "9007199254740993",
  "9999999999999998.0",
  "1e22",
  "3.141592653589793",
  "0.1",
  "100.0e-2",
  "5e-324",
  "1.7976931348623157e308",
];
const KEYS = ["a", "b", "query", "n", "9", "10", "0", "-1", "01", "1.5", "", "__proto__", "it's", "ключ", "x y"];

function str(g: Gen): string {
  let s = "";
  for (let i = g.int(5); i > 0; i--) s += g.pick(PIECES);
  return s;
}

/** A string as JSON text: JSON.stringify's escapes, or every non-ASCII character as \uXXXX. */
function strText(g: Gen, s: string): string {
  const text = JSON.stringify(s);
  return g.chance(0.3) ? text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
}

function objectText(g: Gen, depth: number, members: number): string {
  const parts: string[] = [];
  for (let i = 0; i < members; i++) parts.push(`${strText(g, g.pick(KEYS))}: ${valueText(g, depth + 1)}`);
  return `{${parts.join(g.pick([", ", ",", ",\n  "]))}}`;
}

function valueText(g: Gen, depth = 0): string {
  const kind = g.int(depth > 2 ? 5 : 7);
  if (kind === 0) return g.pick(NUMBERS);
  if (kind === 1) return g.pick(["true", "false", "null"]);
  if (kind === 2) return String(g.int(1000) * (g.chance(0.5) ? -1 : 1) + (g.chance(0.5) ? g.int(1000) / 1000 : 0));
  if (kind <= 4) return strText(g, str(g));
  if (kind === 5) return `[${Array.from({ length: g.int(4) }, () => valueText(g, depth + 1)).join(", ")}]`;
  return objectText(g, depth, g.int(4));
}

function toolCallText(g: Gen, invalid: boolean): string {
  const parts: string[] = [];
  if (g.chance(0.9)) parts.push(`"name": ${g.chance(0.9) ? strText(g, g.pick(["search", "set", "f", str(g)])) : "null"}`);
  parts.push(`"args": ${invalid || g.chance(0.1) ? strText(g, str(g)) : objectText(g, 1, g.int(5))}`);
  if (g.chance(0.9)) parts.push(`"id": ${strText(g, `call_${g.int(1000)}`)}`);
  if (invalid) parts.push(`"error": ${g.pick(['"bad json"', '""', "null", "{}", "[]", strText(g, str(g))])}`);
  if (g.chance(0.5)) parts.push(`"type": "${invalid ? "invalid_tool_call" : "tool_call"}"`);
  return `{${parts.join(", ")}}`;
}

function contentText(g: Gen): string {
  if (g.chance(0.6)) return strText(g, str(g) + g.pick(["", " ", "\n", " \n\t", "\x0b", "\x1c"]));
  const block = () =>
    `{"type": "text", "text": ${strText(g, str(g))}${g.chance(0.6) ? `, ${objectText(g, 1, 1 + g.int(2)).slice(1, -1)}` : ""}}`;
  return `[${Array.from({ length: g.int(3) }, () => (g.chance(0.8) ? block() : valueText(g, 1)))
    .filter((s) => s !== "{}")
    .join(", ")}]`;
}

function messageText(g: Gen): string {
  const type = g.pick(["human", "ai", "ai", "tool", "system"]);
  const parts = [`"type": "${type}"`, `"content": ${contentText(g)}`];
  if (g.chance(0.3)) parts.push(`"name": ${g.chance(0.8) ? strText(g, g.pick(["bob", "search", str(g)])) : "null"}`);
  if (g.chance(0.8)) parts.push(`"id": ${strText(g, `m${g.int(1e6)}`)}`);
  if (type === "ai" && g.chance(0.7))
    parts.push(`"tool_calls": [${Array.from({ length: g.int(3) }, () => toolCallText(g, false)).join(", ")}]`);
  if (type === "ai" && g.chance(0.2)) parts.push(`"invalid_tool_calls": [${toolCallText(g, true)}]`);
  if (type === "tool") parts.push(`"tool_call_id": "call_1"`);
  return `{${parts.join(", ")}}`;
}

/** The cases: JSON texts of message lists, the same for every run. */
function cases(seed = 16, count = CASES): string[] {
  const g = new Gen(random(seed));
  return Array.from({ length: count }, () => `[${Array.from({ length: 1 + g.int(3) }, () => messageText(g)).join(", ")}]`);
}

it.skipIf(!python)(`prints ${CASES} generated message lists exactly as Python's json.loads + pretty_print do`, () => {
  const texts = cases();
  const run = spawnSync("python3", [SCRIPT], { input: JSON.stringify(texts), encoding: "utf8", maxBuffer: 64 << 20 });
  expect(run.stderr).toBe("");
  const expected = JSON.parse(run.stdout) as string[];
  expect(expected).toHaveLength(texts.length);
  const differing = texts
    .map((text, i) => ({
      i,
      text,
      chat: prettyTranscript(messagesOfJson(text, `case ${i}`)),
      python: neutralise(expected[i] ?? ""),
    }))
    .filter((c) => c.chat !== c.python);
  // The first few, whole, so a failure shows what differs.
  expect(differing.slice(0, 3)).toEqual([]);
  // The cases reach what the issue names: integer-like keys, 20.0, big integers, exponents.
  const all = texts.join("\n");
  for (const seen of ['"9": ', "20.0", "123456789012345678901234567890", "2.5e20", "1e-05"]) expect(all).toContain(seen);
});
