// Runs in the server child, after the server has loaded the graphs: the names of each graph's
// input fields, read from the graph object itself. Asking the server instead
// (`assistants.getSchemas`) makes the JS server compile the graph's TypeScript for an Annotation
// graph, which takes seconds; a graph that takes messages is known here in a millisecond.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** Graph id -> its input fields; a graph whose fields cannot be read here is left out. */
export type GraphInputs = Record<string, string[]>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * The input fields of what a graph file exports, found as the server finds the graph (compiled
 * or not, a createAgent wrapper unwrapped). Its StateGraph keeps them as `_inputDefinition`; that
 * is not public, so anything unexpected gives undefined and chat asks the server after all.
 */
export function inputFieldsOf(exported: unknown): string[] | undefined {
  let graph = exported;
  if (isObject(graph) && isObject(graph.graph) && isObject(graph.graph.builder)) graph = graph.graph;
  const builder = isObject(graph) && isObject(graph.builder) ? graph.builder : graph;
  if (!isObject(builder) || typeof builder.compile !== "function") return undefined;
  const definition = builder._inputDefinition;
  return isObject(definition) ? Object.keys(definition) : undefined;
}

/** Each graph's input fields; the modules are already loaded by the server, so this only looks. */
export async function readGraphInputs(graphs: Record<string, string>, cwd: string): Promise<GraphInputs> {
  const inputs: GraphInputs = {};
  for (const [id, spec] of Object.entries(graphs)) {
    try {
      const [file = "", name] = spec.split(":", 2);
      const module = (await import(pathToFileURL(resolve(cwd, file)).href)) as Record<string, unknown>;
      // A graph factory (a function of config) is only built per run: nothing to look at here.
      const fields = inputFieldsOf(await module[name || "default"]);
      if (fields) inputs[id] = fields;
    } catch {
      // The server loaded it; if looking again fails, chat asks the server for the schema.
    }
  }
  return inputs;
}
