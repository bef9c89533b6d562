// JSON as it was written: member order and each number's text, which JSON.parse loses (integer-like
// keys jump to the front of a JS object; 20.0 becomes 20). The printer needs both to print as
// Python does. Parsing is momoa's (a strict ECMA-404 AST parser); this module only maps its tree.
import { parse as parseAst, type ValueNode } from "@humanwhocodes/momoa";

export type JsonNode =
  | { readonly kind: "object"; readonly members: ReadonlyArray<readonly [string, JsonNode]> }
  | { readonly kind: "array"; readonly items: readonly JsonNode[] }
  | { readonly kind: "string"; readonly value: string }
  /** `text` as written ("20.0", "1e-05"), or a JS number's own text for values never written. */
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "null" };

export type ObjectNode = Extract<JsonNode, { kind: "object" }>;

/** Plain objects and arrays made by parseKeepingForm, each mapped to the node it came from. */
const FORMS = new WeakMap<object, JsonNode>();

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

/** JSON.parse, except that what it returns remembers how it was written (see formOf). */
export function parseKeepingForm(text: string): unknown {
  return plainOf(parseJsonTree(text));
}

/**
 * A value as a tree: as written when it came from parseKeepingForm, else built from the plain
 * value, where numbers have only their JS form (integral ones print as ints) and members JS order.
 */
export function formOf(value: unknown): JsonNode {
  if (typeof value === "object" && value !== null) {
    const known = FORMS.get(value);
    if (known) return known;
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
export function member(node: JsonNode, key: string): JsonNode | undefined {
  if (node.kind !== "object") return undefined;
  return node.members.find(([k]) => k === key)?.[1];
}
