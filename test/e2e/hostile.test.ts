// Server content that tries to drive the terminal is shown, never executed; --json stays exact.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";
// @ts-expect-error: a plain JS fixture without types
import { EVIL, LONG } from "../fixtures/hostile-graph.mjs";

const GRAPH = `${fileURLToPath(new URL("../fixtures/hostile-graph.mjs", import.meta.url))}:graph`;
const e2e = e2eSetup({ server: { latencyMs: 0, graphs: { hostile: GRAPH } } });

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

it("neutralises escape sequences and control characters in the transcript, keeping Unicode and long lines", async () => {
  const r = await e2e.cli(["--url", e2e.url, "--assistant", "hostile", "-m", "go"]);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(CONTROL);
  expect(r.stderr).not.toMatch(CONTROL);
  expect(r.stdout).toContain("title:\\x1b]0;pwned\\x07 clip:\\x1b]52;c;ZXZpbA==\\x07");
  expect(r.stdout).toContain("c1:\\x9b2J bell:\\x07 bs:\\x08 cr:\\x0dOVERWRITE nul:\\x00 del:\\x7f ok: 😀 漢字 café");
  expect(r.stdout).toContain("Name: evil\\x1b[5mtool");
  expect(r.stdout).toContain("  look\\x1b[2J (call_evil)");
  expect(r.stdout).toContain(`\n${LONG}\n`);
});

it("--json carries the server's content exactly (it is data, not display)", async () => {
  const r = await e2e.cli(["--url", e2e.url, "--assistant", "hostile", "--json", "-m", "go"]);
  expect(r.code).toBe(0);
  const events = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; messages?: Array<{ content: unknown; name?: string }> });
  const messages = events.flatMap((e) => (e.type === "messages" ? (e.messages ?? []) : []));
  expect(messages.map((m) => m.content)).toEqual(["go", "", EVIL, `${EVIL}\n${LONG}`]);
  expect(messages[2]?.name).toBe("evil\x1b[5mtool");
  // The escape characters travel JSON-escaped, so even the NDJSON stream is safe to cat.
  expect(r.stdout).not.toMatch(CONTROL);
});

it("--verbose shows a failing server's answer in the stack trace neutralised too (escapes, U+202E, U+009B)", async () => {
  const { createServer } = await import("node:http");
  const body = "boom \x1b]0;PWN\x07\x1b[2J \u202e \u009b";
  const hostile = createServer((_req, res) => res.writeHead(500, { "content-type": "text/plain" }).end(body));
  await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
  try {
    const port = (hostile.address() as { port: number }).port;
    const r = await e2e.cli(["--url", `http://127.0.0.1:${port}`, "--verbose", "-m", "hi"]);
    expect(r.stderr).toMatch(/\\x1b\]0;PWN\\x07\\x1b\[2J/);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stderr).not.toContain("\u202e");
  } finally {
    hostile.close();
  }
});

it("a threads search answered with an object, not a list, is one line and an exit code, not a crash", async () => {
  const { createServer } = await import("node:http");
  const odd = createServer((req, res) => {
    const answer = req.url?.startsWith("/assistants/search") ? [{ assistant_id: "a", graph_id: "agent" }] : { threads: [] };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(odd.address() as { port: number }).port}`;
    const r = await e2e.cli(["threads", "--url", url]);
    expect(r.stderr).toBe(`chat: ${url} answered the threads search with an object, not a list\n`);
    expect(r.code).toBe(3);
  } finally {
    odd.close();
  }
});
