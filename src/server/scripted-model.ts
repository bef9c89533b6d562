// A deterministic chat model for the built-in agents: it decides its reply from the conversation
// (a `plan`), streams it token by token after the demo latency, reports usage_metadata as a real
// model does, and takes tools as real models do (bindTools), so LangChain's createAgent runs it.
import { setTimeout as sleep } from "node:timers/promises";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { demoLatencyMs } from "./demo-latency.js";

export type Reply = { toolCalls: { name: string; args: Record<string, unknown>; id: string }[] } | { text: string };

export function textOf(message: BaseMessage | undefined): string {
  return typeof message?.content === "string" ? message.content : "";
}

/** Words as tokens: deterministic, and close enough to read as a real model's counts. */
function usageOf(messages: BaseMessage[], reply: Reply) {
  const count = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const input_tokens = messages.reduce((sum, m) => sum + count(textOf(m)) + 4, 0);
  const output_tokens =
    "text" in reply ? count(reply.text) : reply.toolCalls.reduce((s, c) => s + count(JSON.stringify(c.args)) + 6, 0);
  return { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens };
}

export class ScriptedModel extends BaseChatModel {
  constructor(
    private readonly plan: (messages: BaseMessage[]) => Reply,
    private readonly label: string,
  ) {
    super({});
  }

  override _llmType(): string {
    return this.label;
  }

  /** The reply does not depend on the tools offered; the plan knows them. */
  override bindTools(): this {
    return this;
  }

  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<ChatResult> {
    await sleep(demoLatencyMs(), undefined, { signal: options.signal });
    const reply = this.plan(messages);
    const usage_metadata = usageOf(messages, reply);
    const message =
      "toolCalls" in reply
        ? new AIMessage({ content: "", tool_calls: reply.toolCalls.map((c) => ({ ...c, type: "tool_call" })), usage_metadata })
        : new AIMessage({ content: reply.text, usage_metadata });
    return { generations: [{ text: textOf(message), message }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const latency = demoLatencyMs();
    const signal = options.signal;
    await sleep(latency / 2, undefined, { signal });
    const reply = this.plan(messages);
    const usage_metadata = usageOf(messages, reply);
    const emit = async (text: string, message: AIMessageChunk) => {
      const chunk = new ChatGenerationChunk({ text, message });
      await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk });
      return chunk;
    };
    if ("toolCalls" in reply) {
      const tool_call_chunks = reply.toolCalls.map(({ name, args, id }, index) => ({
        name,
        args: JSON.stringify(args),
        id,
        index,
        type: "tool_call_chunk" as const,
      }));
      yield await emit("", new AIMessageChunk({ content: "", tool_call_chunks, usage_metadata }));
      await sleep(latency / 2, undefined, { signal });
      return;
    }
    const words = reply.text.split(/(?<= )/);
    for (const [i, word] of words.entries()) {
      await sleep(latency / 2 / words.length, undefined, { signal });
      // The usage comes with the last chunk, as streaming providers send it.
      const usage = i === words.length - 1 ? { usage_metadata } : {};
      yield await emit(word, new AIMessageChunk({ content: word, ...usage }));
    }
  }
}
