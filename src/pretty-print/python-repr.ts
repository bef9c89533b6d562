// Python's str() and repr() for JSON values, as langchain_core's pretty_print() shows them:
// from the JSON as written (see json-form.ts), so dicts keep their order and floats stay floats.
import { formOf, type JsonNode } from "./json-form.js";

export function reprNode(node: JsonNode): string {
  switch (node.kind) {
    case "null":
      return "None";
    case "boolean":
      return node.value ? "True" : "False";
    case "number":
      return pyNumberText(node.text);
    case "string":
      return pyStringRepr(node.value);
    case "array":
      return `[${node.items.map(reprNode).join(", ")}]`;
    case "object":
      return `{${node.members.map(([k, v]) => `${pyStringRepr(k)}: ${reprNode(v)}`).join(", ")}}`;
  }
}

/** Python's str(): strings as they are, everything else as repr. */
export function strNode(node: JsonNode): string {
  return node.kind === "string" ? node.value : reprNode(node);
}

/** Python's bool(): empty strings, lists and dicts, zero and None are false. */
export function pyTruthy(node: JsonNode): boolean {
  switch (node.kind) {
    case "null":
      return false;
    case "boolean":
      return node.value;
    case "number":
      return Number(node.text) !== 0;
    case "string":
      return node.value !== "";
    case "array":
      return node.items.length > 0;
    case "object":
      return node.members.length > 0;
  }
}

export function pyRepr(value: unknown): string {
  return reprNode(formOf(value));
}

export function pyStr(value: unknown): string {
  return strNode(formOf(value));
}

/**
 * What json.loads makes of a JSON number, as repr shows it: without a fraction or exponent an
 * int (exact however long), else a float. NaN and Infinity come only from JS numbers.
 */
export function pyNumberText(text: string): string {
  if (text === "NaN") return "nan";
  if (text === "Infinity" || text === "-Infinity") return text.replace("Infinity", "inf");
  if (!/[.eE]/.test(text)) return BigInt(text).toString();
  return pyFloat(Number(text));
}

/** Python's float repr: the shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloat(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  if (Object.is(n, -0)) return "-0.0";
  const [mantissa = "0", expText = "0"] = n.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  // In this range JS writes no exponent either; a float always shows a fraction.
  const fixed = String(n);
  return fixed.includes(".") ? fixed : `${fixed}.0`;
}

const QUOTE_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote) out += `\\${ch}`;
    else if (QUOTE_ESCAPES[ch] !== undefined) out += QUOTE_ESCAPES[ch];
    else if (isPrintable(ch)) out += ch;
    else out += escapeCodePoint(ch.codePointAt(0) ?? 0);
  }
  return out + quote;
}

function isPrintable(ch: string): boolean {
  return ch === " " || !/[\p{C}\p{Z}]/u.test(ch);
}

function escapeCodePoint(cp: number): string {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, "0")}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return `\\U${cp.toString(16).padStart(8, "0")}`;
}

/** Python's str.title(): each run of letters capitalised, the rest lower case. */
export function pyTitle(s: string): string {
  return s.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
}

// Characters Python's str.isspace() accepts (and JS's trim() partly disagrees on).
const PY_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");
const PY_RSTRIP = new RegExp(`[${PY_SPACE}]+$`);

/** Python's str.strip() with no arguments. */
export function pyStrip(s: string): string {
  return s.replace(PY_STRIP, "");
}

/** Python's str.rstrip() with no arguments. */
export function pyRstrip(s: string): string {
  return s.replace(PY_RSTRIP, "");
}
