// The demo agent that asks before it acts, served as `approve`: it plans a `book_table` tool call
// from the request, asks for review in LangChain v1's human-in-the-loop shape (action_requests /
// review_configs), then books, books as edited, or does not. Deterministic, offline.
import { setTimeout as sleep } from "node:timers/promises";
import { AIMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { END, MessagesZodState, START, StateGraph, interrupt } from "@langchain/langgraph";
import { demoLatencyMs } from "./demo-latency.js";

// A zod state, so the JS server reads its schema from the graph (see demo-graph.ts).
type State = { messages: BaseMessage[] };

/** The answer to the review, whatever form it came in: decisions, or a plain yes/no. */
type Decision = { type: "approve" } | { type: "edit"; args: Record<string, unknown> } | { type: "reject"; message?: string };

function decisionOf(answer: unknown): Decision {
  const first = (answer as { decisions?: unknown[] } | null)?.decisions?.[0] as Record<string, unknown> | undefined;
  if (first?.type === "approve") return { type: "approve" };
  if (first?.type === "edit") {
    const edited = first.edited_action as { args?: Record<string, unknown> } | undefined;
    return { type: "edit", args: edited?.args ?? {} };
  }
  if (first?.type === "reject") return { type: "reject", message: typeof first.message === "string" ? first.message : undefined };
  return typeof answer === "string" && /^\s*(y|yes|ok|approve)\s*$/i.test(answer) ? { type: "approve" } : { type: "reject" };
}

async function plan(state: State, config: RunnableConfig) {
  await sleep(demoLatencyMs(), undefined, { signal: config.signal });
  const last = state.messages.at(-1);
  const request = typeof last?.content === "string" ? last.content : "a table";
  const call = { name: "book_table", args: { request }, id: `call_book_${state.messages.length}`, type: "tool_call" as const };
  return { messages: [new AIMessage({ content: "", tool_calls: [call] })] };
}

function review(state: State) {
  const last = state.messages.at(-1);
  const call = last instanceof AIMessage ? last.tool_calls?.[0] : undefined;
  const args = call?.args ?? {};
  const decision = decisionOf(
    interrupt({
      action_requests: [{ name: "book_table", args, description: `Book: ${String(args.request ?? "")}` }],
      review_configs: [{ action_name: "book_table", allowed_decisions: ["approve", "edit", "reject"] }],
    }),
  );
  const id = call?.id ?? "call_book";
  if (decision.type === "reject") {
    const why = decision.message ? `: ${decision.message}` : "";
    return { messages: [new ToolMessage({ content: `not booked (rejected${why})`, name: "book_table", tool_call_id: id })] };
  }
  const booked = decision.type === "edit" ? decision.args : args;
  return {
    messages: [
      new ToolMessage({
        content: `booked: ${String(booked.request ?? JSON.stringify(booked))}`,
        name: "book_table",
        tool_call_id: id,
      }),
    ],
  };
}

async function confirm(state: State, config: RunnableConfig) {
  await sleep(demoLatencyMs(), undefined, { signal: config.signal });
  const result = String(state.messages.at(-1)?.content ?? "");
  const text = result.startsWith("booked: ")
    ? `Done: ${result.slice("booked: ".length)} is booked.`
    : "All right, I did not book anything.";
  return { messages: [new AIMessage({ content: text })] };
}

export const graph = new StateGraph(MessagesZodState)
  .addNode("plan", plan)
  .addNode("review", review)
  .addNode("confirm", confirm)
  .addEdge(START, "plan")
  .addEdge("plan", "review")
  .addEdge("review", "confirm")
  .addEdge("confirm", END)
  .compile();
