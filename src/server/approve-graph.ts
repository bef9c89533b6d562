// The demo agent that asks before it acts, served as `approve`: LangChain's own createAgent with
// its humanInTheLoopMiddleware, so the review it asks for is the real JS one (actionRequests /
// reviewConfigs, answered with decisions). The model is scripted: a `book_table` call for the
// request, then a reply to what the tool said. Deterministic, offline.
import { ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createAgent, humanInTheLoopMiddleware } from "langchain";
import { ScriptedModel, textOf, type Reply } from "./scripted-model.js";

/** A new request books a table; the tool's answer (booked, or rejected by the reviewer) gets a reply. */
function plan(messages: BaseMessage[]): Reply {
  const last = messages.at(-1);
  if (last instanceof ToolMessage || last?.getType() === "tool") {
    const result = textOf(last);
    return {
      text: result.startsWith("booked: ")
        ? `Done: ${result.slice("booked: ".length)} is booked.`
        : `All right, I did not book anything (${result}).`,
    };
  }
  const request = textOf(last) || "a table";
  return { toolCalls: [{ name: "book_table", args: { request }, id: `call_book_${messages.length}` }] };
}

const bookTable = tool(({ request }: { request: string }) => `booked: ${request}`, {
  name: "book_table",
  description: "Book a restaurant table",
  schema: {
    type: "object",
    properties: { request: { type: "string", description: "what to book" } },
    required: ["request"],
  },
});

export const graph = createAgent({
  model: new ScriptedModel(plan, "demo-booking"),
  tools: [bookTable],
  middleware: [
    humanInTheLoopMiddleware({
      interruptOn: {
        book_table: {
          allowedDecisions: ["approve", "edit", "reject"],
          description: (call) => `Book: ${String((call.args as { request?: unknown }).request ?? "")}`,
        },
      },
    }),
  ],
});
