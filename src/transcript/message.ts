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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Accepts anything message-shaped; returns undefined for what is not a message. */
export function asMessageDict(value: unknown): MessageDict | undefined {
  if (!isRecord(value) || typeof value.type !== "string") return undefined;
  const calls = (v: unknown): ToolCallDict[] | undefined =>
    Array.isArray(v) ? v.filter(isRecord) : undefined;
  return {
    ...value,
    type: value.type,
    content: value.content ?? "",
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
