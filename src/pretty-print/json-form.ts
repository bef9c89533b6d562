// JSON as it was written: member order and each number's text, which JSON.parse loses (integer-like
// keys jump to the front of a JS object; 20.0 becomes 20). The printer needs both to print as
// Python does. Parsing is momoa's (a strict ECMA-404 AST parser); this module only maps its tree.
import { parse as parseAst, type ValueNode } from "@humanwhocodes/momoa";
import { capDepth } from "../depth.js";

export type JsonNode =
  | { readonly kind: "object"; readonly members: ReadonlyArray<readonly [string, JsonNode]> }
  | { readonly kind: "array"; readonly items: readonly JsonNode[] }
  | { readonly kind: "string"; readonly value: string }
  /** `text` as written ("20.0", "1e-05"), or a JS number's own text for values never written. */
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "null" };

export type ObjectNode = Extract<JsonNode, { kind: "object" }>;

/**
 * Plain objects and arrays mapped to the node they came from: the node itself (parseKeepingForm),
 * or a way to find it once needed (parseWithLazyForm), as a tree costs ~10x JSON.parse to build.
 */
const FORMS = new WeakMap<object, JsonNode | (() => JsonNode | undefined)>();

function nodeOfAst(ast: ValueNode, text: string): JsonNode {
  switch (ast.type) {
    case "Object": {
      // Python's dict and JSON.parse agree on a repeated key: first place, last value. So does a Map.
      const members = new Map<string, JsonNode>();
      for (const m of ast.members) {
        const name = m.name.type === "String" ? m.name.value : m.name.name;
        members.set(name, nodeOfAst(m.value, text));
      }
      return { kind: "object", members: [...members] };
    }
    case "Array":
      return { kind: "array", items: ast.elements.map((e) => nodeOfAst(e.value, text)) };
    case "String":
      return { kind: "string", value: ast.value };
    case "Number":
      return { kind: "number", text: text.slice(ast.loc.start.offset, ast.loc.end.offset) };
    case "Boolean":
      return { kind: "boolean", value: ast.value };
    case "Null":
      return { kind: "null" };
    default:
      // Only JSON5 mode yields NaN, Infinity or identifiers; strict JSON mode throws first.
      throw new SyntaxError(`unexpected ${ast.type} in JSON`);
  }
}

/** Strict JSON text as a tree. Throws a SyntaxError naming the line and column of a fault. */
export function parseJsonTree(text: string): JsonNode {
  let doc;
  try {
    doc = parseAst(text, { mode: "json" });
  } catch (err) {
    throw new SyntaxError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  return nodeOfAst(doc.body, text);
}

/** The plain value JSON.parse would give for the node; its objects and arrays remember the node. */
export function plainOf(node: JsonNode): unknown {
  let value: unknown;
  switch (node.kind) {
    case "object":
      // fromEntries defines own properties, so a "__proto__" key stays data, as with JSON.parse.
      value = Object.fromEntries(node.members.map(([k, v]) => [k, plainOf(v)]));
      break;
    case "array":
      value = node.items.map(plainOf);
      break;
    case "number":
      return Number(node.text);
    case "null":
      return null;
    default:
      return node.value;
  }
  FORMS.set(value as object, node);
  return value;
}

/**
 * JSON.parse, except that what it returns remembers how it was written (see formOf). Nested past
 * the cap, it is cut and marked, as plain values: the tree parser recurses, JSON.parse does not.
 */
export function parseKeepingForm(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return plainOf(parseJsonTree(text)); // throws the tree parser's error, which names the line and column
  }
  const capped = capDepth(parsed);
  return capped !== parsed ? capped : plainOf(parseJsonTree(text));
}

/** The node at `path` (member names and indices) under `node`. */
function nodeAt(node: JsonNode | undefined, path: ReadonlyArray<string | number>): JsonNode | undefined {
  let at = node;
  for (const step of path) at = typeof step === "number" ? (at?.kind === "array" ? at.items[step] : undefined) : member(at, step);
  return at;
}

/**
 * JSON.parse, and the objects of the list at `listPath` (a state's ["values", "messages"])
 * remember how they were written: the text is parsed into a tree only when formOf first asks,
 * once for all of them, so reads whose messages are never printed cost no more than before.
 * `eachItem`: the text is a list of such values (a thread's history), each with its own list.
 */
export function parseWithLazyForm(text: string, listPath: readonly string[], eachItem = false): unknown {
  const parsed = JSON.parse(text) as unknown;
  // Nested past the cap: cut and marked, and printed from the plain values (the tree would hold it whole).
  const value = capDepth(parsed);
  if (value !== parsed) return value;
  const bases: Array<[unknown, number[]]> = eachItem && Array.isArray(value) ? value.map((v, j) => [v, [j]]) : [[value, []]];
  let tree: JsonNode | null | undefined;
  const root = () => {
    if (tree === undefined) {
      try {
        tree = parseJsonTree(text);
      } catch {
        tree = null; // not strict JSON (a NaN, say): the plain values are all there is
      }
    }
    return tree ?? undefined;
  };
  for (const [base, prefix] of bases) {
    let list: unknown = base;
    for (const key of listPath)
      list =
        typeof list === "object" && list !== null && !Array.isArray(list) ? (list as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(list)) continue;
    for (const [i, item] of list.entries()) {
      if (typeof item === "object" && item !== null) FORMS.set(item, () => nodeAt(root(), [...prefix, ...listPath, i]));
    }
  }
  return value;
}

/**
 * A value as a tree: as written when it came from parseKeepingForm (or is one of the list
 * parseWithLazyForm was given), else built from the plain
 * value, where numbers have only their JS form (integral ones print as ints) and members JS order.
 */
export function formOf(value: unknown): JsonNode {
  if (typeof value === "object" && value !== null) {
    const known = FORMS.get(value);
    const node = typeof known === "function" ? known() : known;
    if (node) return node;
    if (Array.isArray(value)) return { kind: "array", items: value.map(formOf) };
    return { kind: "object", members: Object.entries(value).map(([k, v]) => [k, formOf(v)] as const) };
  }
  if (value === null || value === undefined) return { kind: "null" };
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number" || typeof value === "bigint") return { kind: "number", text: String(value) };
  return { kind: "string", value: String(value) };
}

/** An object's member (undefined when it has none by that name). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== "object") return undefined;
  return node.members.find(([k]) => k === key)?.[1];
}
