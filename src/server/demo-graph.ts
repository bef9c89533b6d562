// The deterministic demo agent served as `agent`: model step -> search tool -> model step.
// Each step waits CHAT_DEMO_LATENCY_MS (read in the server process) so double-texting is visible.
import { setTimeout as sleep } from "node:timers/promises";
import { AIMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { END, MessagesZodState, START, StateGraph } from "@langchain/langgraph";
import { WHICH_CITY, answer, cityIn, heard, searchResult } from "./weather.js";
import { demoLatencyMs } from "./demo-latency.js";
import { ScriptedModel, textOf, type Reply } from "./scripted-model.js";

/** What the demo model says next: a search call for a known city, small talk for anything else, prose after a tool result. */
function plan(messages: BaseMessage[]): Reply {
  const last = messages.at(-1);
  if (last && last.getType() === "human") {
    const what = heard(textOf(last));
    if ("smallTalk" in what) return { text: what.smallTalk };
    const query = `weather in ${what.city}`;
    const id = `call_${(hashCode(query + messages.length) >>> 0).toString(36)}`;
    return { toolCalls: [{ name: "search", args: { query }, id }] };
  }
  const call = [...messages].reverse().find((m): m is AIMessage => m instanceof AIMessage && !!m.tool_calls?.length)
    ?.tool_calls?.[0];
  const city = cityIn(String(call?.args?.query ?? ""));
  return { text: city === undefined ? WHICH_CITY : answer(city) };
}

function hashCode(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return h;
}

const model = new ScriptedModel(plan, "demo-weather");

// A zod state rather than MessagesAnnotation: the JS server then answers `getSchemas` from the
// graph itself in milliseconds, where for an Annotation it compiles the graph's TypeScript
// (seconds), and answers 500 for a JavaScript file such as this one once built.
type State = { messages: BaseMessage[] };

async function callModel(state: State, config: RunnableConfig) {
  return { messages: [await model.invoke(state.messages, config)] };
}

async function callTool(state: State, config: RunnableConfig) {
  const last = state.messages.at(-1);
  const calls = last instanceof AIMessage ? (last.tool_calls ?? []) : [];
  await sleep(demoLatencyMs(), undefined, { signal: config.signal });
  return {
    messages: calls.map(
      (call) =>
        new ToolMessage({
          content: searchResult(String(call.args.query ?? "")),
          name: call.name,
          tool_call_id: call.id ?? "",
        }),
    ),
  };
}

function route(state: State): "tools" | typeof END {
  const last = state.messages.at(-1);
  return last instanceof AIMessage && last.tool_calls?.length ? "tools" : END;
}

export const graph = new StateGraph(MessagesZodState)
  .addNode("agent", callModel)
  .addNode("tools", callTool)
  .addEdge(START, "agent")
  .addConditionalEdges("agent", route, ["tools", END])
  .addEdge("tools", "agent")
  .compile();
