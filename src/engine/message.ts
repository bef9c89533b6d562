// The LangGraph message dict as a server returns it, and a narrowing function for it.

export interface ToolCallDict {
  name?: unknown;
  args?: unknown;
  id?: unknown;
  error?: unknown;
  [key: string]: unknown;
}

export interface MessageDict {
  type: string;
  content: unknown;
  id?: string | null;
  name?: string | null;
  tool_calls?: ToolCallDict[];
  invalid_tool_calls?: ToolCallDict[];
  tool_call_id?: string;
  [key: string]: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || v === null || ok(v);
const isCallList = (v: unknown) => Array.isArray(v) && v.every(isRecord);

/**
 * Accepts anything message-shaped; returns undefined for what is not a message. A well-formed
 * dict comes back as it is (so --json shows exactly what the server sent); odd fields are mended.
 */
export function asMessageDict(value: unknown): MessageDict | undefined {
  if (!isRecord(value) || typeof value.type !== "string") return undefined;
  const isString = (v: unknown) => typeof v === "string";
  if (
    optional(value.id, isString) &&
    optional(value.name, isString) &&
    optional(value.tool_calls, isCallList) &&
    optional(value.invalid_tool_calls, isCallList)
  ) {
    return value as MessageDict;
  }
  const calls = (v: unknown): ToolCallDict[] | undefined => (Array.isArray(v) ? v.filter(isRecord) : undefined);
  return {
    ...value,
    type: value.type,
    content: value.content,
    id: typeof value.id === "string" ? value.id : null,
    name: typeof value.name === "string" ? value.name : null,
    tool_calls: calls(value.tool_calls),
    invalid_tool_calls: calls(value.invalid_tool_calls),
  };
}

/** The `messages` list of a thread state's values, narrowed. */
export function messagesOf(values: unknown): MessageDict[] {
  if (!isRecord(values) || !Array.isArray(values.messages)) return [];
  return values.messages.map(asMessageDict).filter((m): m is MessageDict => m !== undefined);
}
