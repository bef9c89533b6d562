// The server child says which graphs take messages by looking at the graph objects themselves
// (graph-inputs.ts): for real LangGraph graphs, compiled or not, and nothing for what it cannot read.
import { join } from "node:path";
import { Annotation, END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { expect, it } from "vitest";
import { inputFieldsOf, readGraphInputs } from "../../src/server/graph-inputs.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");

it("a messages graph, compiled or not, has messages among its input fields", () => {
  const builder = new StateGraph(MessagesAnnotation)
    .addNode("n", () => ({}))
    .addEdge(START, "n")
    .addEdge("n", END);
  expect(inputFieldsOf(builder)).toEqual(["messages"]);
  expect(inputFieldsOf(builder.compile())).toEqual(["messages"]);
});

it("a graph with its own input schema gives that schema's fields, not the state's", () => {
  const State = Annotation.Root({ topic: Annotation<string>, summary: Annotation<string> });
  const Input = Annotation.Root({ topic: Annotation<string> });
  const graph = new StateGraph({ stateSchema: State, input: Input })
    .addNode("n", () => ({}))
    .addEdge(START, "n")
    .addEdge("n", END)
    .compile();
  expect(inputFieldsOf(graph)).toEqual(["topic"]);
});

it("a wrapper holding the compiled graph as .graph (createAgent's) is looked through", () => {
  const inner = new StateGraph(MessagesAnnotation)
    .addNode("n", () => ({}))
    .addEdge(START, "n")
    .compile();
  const outer = new StateGraph(Annotation.Root({ other: Annotation<string> })).addNode("n", () => ({})).addEdge(START, "n");
  expect(inputFieldsOf({ builder: outer, graph: inner })).toEqual(["messages"]);
});

it("what is not a graph gives nothing, so chat asks the server for the schema", () => {
  for (const thing of [undefined, null, 42, "graph", {}, { builder: {} }, () => ({}), { compile: "no" }]) {
    expect(inputFieldsOf(thing)).toBeUndefined();
  }
});

it("graph files are read by their spec; a missing file or export is left out", async () => {
  const inputs = await readGraphInputs(
    {
      summary: "./summary-graph.mjs:graph",
      config: `${join(fixtures, "config-graph.mjs")}:graph`,
      missing: "./no-such-graph.mjs:graph",
      unexported: "./summary-graph.mjs:nothing",
    },
    fixtures,
  );
  expect(inputs).toEqual({ summary: ["topic"], config: ["messages"] });
});
