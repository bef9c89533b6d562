// Tokens a run used, as its model reported them: the sum of `usage_metadata` (input, output,
// total) over the AI messages it wrote. Undefined when none of them carries any. Pure.
import { isRecord, type MessageDict } from "./message.js";

export interface Usage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly total_tokens: number;
}

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0);

/** One AI message's usage; a malformed count counts as none. */
function messageUsage(message: MessageDict): Usage | undefined {
  if (message.type !== "ai" && message.type !== "AIMessageChunk") return undefined;
  const u = message.usage_metadata;
  if (!isRecord(u)) return undefined;
  const input = count(u.input_tokens);
  const output = count(u.output_tokens);
  return { input_tokens: input, output_tokens: output, total_tokens: count(u.total_tokens) || input + output };
}

export function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a || !b) return a ?? b;
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
  };
}

export function usageOf(messages: readonly MessageDict[]): Usage | undefined {
  return messages.reduce<Usage | undefined>((sum, m) => addUsage(sum, messageUsage(m)), undefined);
}
