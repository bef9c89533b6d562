// Stands in for @langchain/core/messages in chat's bundle. The SDK imports it only for its message
// classes in stream helpers chat never calls (chat reads plain message dicts); the real module pulls
// in langsmith and costs ~200 ms at every start. Using any of these throws, so a change would show.
const unavailable = (name) =>
  class {
    constructor() {
      throw new Error(`@langchain/core/messages ${name} is not bundled with chat`);
    }
  };
export const AIMessage = unavailable("AIMessage");
export const AIMessageChunk = unavailable("AIMessageChunk");
export const BaseMessageChunk = unavailable("BaseMessageChunk");
export const HumanMessage = unavailable("HumanMessage");
export const HumanMessageChunk = unavailable("HumanMessageChunk");
export const RemoveMessage = unavailable("RemoveMessage");
export const SystemMessage = unavailable("SystemMessage");
export const SystemMessageChunk = unavailable("SystemMessageChunk");
export const ToolMessage = unavailable("ToolMessage");
export const ToolMessageChunk = unavailable("ToolMessageChunk");
export function convertToChunk() {
  throw new Error("@langchain/core/messages convertToChunk is not bundled with chat");
}
export function coerceMessageLikeToMessage() {
  throw new Error("@langchain/core/messages coerceMessageLikeToMessage is not bundled with chat");
}
