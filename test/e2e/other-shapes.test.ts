// Graphs whose input is not messages: typed text goes into the input's one string field, --input
// sends a whole object, and the state a run leaves is printed, since there are no messages to show.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
import { shapeOfSchema } from "../../src/engine/input-shape.js";
import { titleRule } from "../../src/pretty-print/pretty.js";

const GRAPH = `${fileURLToPath(new URL("../fixtures/summary-graph.mjs", import.meta.url))}:graph`;
const e2e = e2eSetup({ server: { graphs: { summary: GRAPH } } });

const chat = (args: string[]) => e2e.cli(["--url", e2e.url, "--assistant", "summary", "--strategy", "enqueue", ...args]);

it("typed text fills the input's one string field, and the state each run leaves is printed", async () => {
  const r = await chat(["-m", "cats", "-m", "dogs"]);
  expect(r.code, r.stderr).toBe(0);
  const rule = titleRule("State");
  expect(r.stdout).toBe(
    `${rule}\n\n${JSON.stringify({ topic: "cats", summary: "a short note on cats", words: 5 }, null, 2)}\n` +
      `${rule}\n\n${JSON.stringify({ topic: "dogs", summary: "a short note on dogs", words: 5 }, null, 2)}\n`,
  );
});

it("--input sends a whole object; --json reports the state as a values event", async () => {
  const r = await chat(["--json", "--input", '{"topic": "owls"}']);
  expect(r.code, r.stderr).toBe(0);
  const events = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; values?: unknown });
  expect(events.find((e) => e.type === "values")?.values).toEqual({ topic: "owls", summary: "a short note on owls", words: 5 });
});

it("bad --input is one line and exit 2", async () => {
  const r = await chat(["--input", "{topic: owls}"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('chat: --input: not valid JSON: "{topic: owls}" (give a JSON object, or @file)\n');
});

it("reads the shape from the input schema: messages, one string field, or JSON", () => {
  expect(shapeOfSchema({ properties: { messages: { type: "array" } } })).toEqual({ kind: "messages" });
  expect(shapeOfSchema({ properties: { topic: { type: "string" } } })).toEqual({ kind: "field", field: "topic" });
  expect(shapeOfSchema({ properties: { a: { type: "string" }, b: { type: "string" } } })).toEqual({
    kind: "json",
    fields: ["a", "b"],
  });
  expect(shapeOfSchema(null)).toEqual({ kind: "messages" });
});
