// `chat print`: JSON in, pretty_print out, through the printer chat's transcript uses.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { prettyTranscript } from "../../src/pretty-print/pretty.js";
import { markdownTranscript } from "../../src/pretty-print/markdown.js";
import { messagesOf } from "../../src/engine/message.js";
import { runCli } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

/**
 * An HTTP proxy to the local server that answers thread states (and checkpoints) as a Python server would write
 * them: the demo's search args gain `"9": 2.0` and `"t": 20.0` after "query" (JS would put "9"
 * first and write 2). Everything else, streams included, passes as it comes.
 */
async function pythonStyleProxy(target: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k)),
      ) as Record<string, string>;
      const abort = new AbortController();
      res.on("close", () => abort.abort());
      const upstream = await fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
        signal: abort.signal,
      });
      const state = req.method === "GET" && /\/state(\/[^/?]+)?(\?|$)/.test(req.url ?? "");
      const history = req.method === "POST" && /\/history(\?|$)/.test(req.url ?? "");
      if (state || history) {
        const text = (await upstream.text()).replace(/("query":"[^"]*")/g, '$1, "9": 2.0, "t": 20.0');
        res.writeHead(upstream.status, { "content-type": "application/json" }).end(text);
        return;
      }
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
      if (!upstream.body) return void res.end();
      // A stream chat lets go of ends here with an abort: not an error of the test.
      const body = Readable.fromWeb(upstream.body as never).on("error", () => res.destroy());
      body.pipe(res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("chat print", () => {
  it("prints the seed's messages file as the seed's transcript, byte for byte", async () => {
    const result = await runCli(["print", fixture("enqueue-messages.json").pathname]);
    expect(result.stdout).toBe(readFileSync(fixture("enqueue-transcript.txt"), "utf8"));
    expect(result.code).toBe(0);
  });

  it("prints a Python server's thread state from stdin as pretty_print does: key order and 20.0 kept", async () => {
    const state = JSON.stringify({ next: [] }).replace(
      "{",
      '{"values": {"messages": [{"type": "ai", "content": [{"type": "text", "text": "hi", "9": 1e16}], "tool_calls": [{"name": "set", "args": {"b": 1, "9": 20.0, "n": 123456789012345678901}, "id": "c"}]}]}, ',
    );
    const result = await runCli(["print"], { input: state });
    expect(result.stdout).toContain("\n\n[{'type': 'text', 'text': 'hi', '9': 1e+16}]\nTool Calls:\n");
    expect(result.stdout).toContain("  Args:\n    b: 1\n    9: 20.0\n    n: 123456789012345678901\n");
    expect(result.code).toBe(0);
  });

  it("valid JSON nested 100,000 deep prints, cut with a marker where it is nested past 200, exit 0", async () => {
    const n = 100_000;
    const args = `${'{"a": '.repeat(n)}1${"}".repeat(n)}`;
    const input = `[{"type": "ai", "content": "", "tool_calls": [{"name": "deep", "id": "c", "args": ${args}}]}]`;
    const result = await runCli(["print"], { input });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^ {4}a: \{'a': \{'a': .*'… \(nested more than 200 deep\)'\}+$/m);
    expect(result.code).toBe(0);
  });

  it("bad JSON is one line on stderr and exit code 2", async () => {
    const result = await runCli(["print", "-"], { input: '{"values": {"messages": [}' });
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^chat: stdin is not JSON: [^\n]*\(1:\d+\)\n$/);
    expect(result.code).toBe(2);
    const missing = await runCli(["print", "/no/such/file.json"]);
    expect(missing.stderr).toMatch(/^chat: cannot read \/no\/such\/file\.json: [^\n]*\n$/);
    expect(missing.code).toBe(2);
  });
});

describe("chat print against the real local (JS) server", () => {
  const e2e = e2eSetup({ server: { latencyMs: 50 } });

  it("a thread's state printed by chat print is chat's own transcript, and JSON.parse's values print the same", async () => {
    const chat = await e2e.cli(["--url", e2e.url, "-m", "what's the weather in sf?"]);
    expect(chat.code).toBe(0);
    const [thread] = await e2e.server.client.threads.search({ limit: 1 });
    const threadId = thread?.thread_id ?? "none";
    const raw = await (
      await fetch(`${e2e.url}/threads/${threadId}/state`, { headers: { "x-api-key": e2e.server.deployment.key ?? "" } })
    ).text();
    const printed = await e2e.cli(["print"], { input: raw });
    expect(printed.stderr).toBe("");
    expect(printed.stdout).toBe(chat.stdout);
    // The JS server writes JSON from JS values: nothing for the kept form to change.
    expect(prettyTranscript(messagesOf((JSON.parse(raw) as { values: unknown }).values))).toBe(chat.stdout);
  }, 60_000);

  /** Chats once on a new thread; its id, the transcript it printed, and the state's JSON as the server wrote it. */
  async function chatOnce(env: NodeJS.ProcessEnv = {}) {
    const chat = await e2e.cli(["--url", e2e.server.deployment.url, "-m", "what's the weather in sf?"], { env });
    expect(chat.code).toBe(0);
    const [thread] = await e2e.server.client.threads.search({ limit: 1, sortBy: "created_at", sortOrder: "desc" });
    const threadId = thread?.thread_id ?? "none";
    const raw = await (
      await fetch(`${e2e.server.deployment.url}/threads/${threadId}/state`, {
        headers: { "x-api-key": e2e.server.deployment.key ?? "" },
      })
    ).text();
    return { transcript: chat.stdout, threadId, raw };
  }

  it("chat print --thread prints a chat's thread as that chat's own transcript, byte for byte, colour rules included", async () => {
    const { transcript, threadId } = await chatOnce();
    const printed = await e2e.cli(["print", "--url", e2e.server.deployment.url, "--thread", threadId]);
    expect(printed.stderr).toBe("");
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(transcript);
    expect(transcript).toContain(
      "================================== Ai Message ==================================\nTool Calls:\n  search (",
    );
    // Coloured where chat colours (FORCE_COLOR), the same bytes; NO_COLOR wins.
    const coloured = await chatOnce({ FORCE_COLOR: "1", NO_COLOR: "" });
    const colourPrint = await e2e.cli(["print", "--url", e2e.server.deployment.url, "--thread", coloured.threadId], {
      env: { FORCE_COLOR: "1", NO_COLOR: "" },
    });
    expect(coloured.transcript).toContain("\x1b[");
    expect(colourPrint.stdout).toBe(coloured.transcript);
    const noColour = await e2e.cli(["print", "--url", e2e.server.deployment.url, "--thread", coloured.threadId], {
      env: { FORCE_COLOR: "1", NO_COLOR: "1" },
    });
    expect(noColour.stdout).toBe(coloured.transcript.replace(/\x1b\[[0-9;]*m/g, ""));
  }, 60_000);

  it("chat print --thread --format markdown is one section per message, tool calls as JSON blocks", async () => {
    const { threadId, raw } = await chatOnce();
    const printed = await e2e.cli(["print", "--url", e2e.server.deployment.url, "--thread", threadId, "--format", "markdown"]);
    expect(printed.stderr).toBe("");
    expect(printed.code).toBe(0);
    const messages = messagesOf((JSON.parse(raw) as { values: unknown }).values);
    expect(printed.stdout).toBe(markdownTranscript(messages, { threadId }));
    expect(printed.stdout.match(/^## /gm)).toHaveLength(messages.length);
    expect(printed.stdout).toMatch(
      /^# Thread `[-0-9a-f]+`\n\n## Human Message\n\nwhat's the weather in sf\?\n\n## Ai Message\n\nTool call `search` \(`call_\w+`\):\n\n```json\n\{\n {2}"query": "weather in san francisco"\n\}\n```\n\n## Tool Message: `search`\n\n```\n\[\{"url"/,
    );
  }, 60_000);

  it("an unknown thread, a thread id that is none, or a file and --thread together: one line, exit 2, nothing printed", async () => {
    const url = e2e.server.deployment.url;
    const cases: Array<[string[], RegExp]> = [
      [
        ["print", "--url", url, "--thread", "00000000-0000-4000-8000-000000000000"],
        /^chat: unknown thread 0{8}-[-0-9]+ on http:\/\/127\.0\.0\.1:\d+\n$/,
      ],
      [
        ["print", "--url", url, "--thread", "nope"],
        /^chat: not a thread id: "nope" \(thread ids are UUIDs: give one, or any unique start or end of one\)\n$/,
      ],
      [
        ["print", "--url", url, "--thread", "deadbeef"],
        /^chat: no thread id starts or ends with "deadbeef" among the \d+ threads on http:\/\/127\.0\.0\.1:\d+ \(chat threads, \/threads list them\)\n$/,
      ],
      [["print", "--url", url, "--thread", "x", "file.json"], /^chat: give a file or --thread, not both\n$/],
      [["print", "--url", url], /^chat: --url says where --thread is read from: give --thread <id>\n$/],
    ];
    for (const [args, stderr] of cases) {
      const result = await e2e.cli(args, { input: "" });
      expect([args.at(-1), result.stdout, result.stderr, result.code]).toEqual([
        args.at(-1),
        "",
        expect.stringMatching(stderr),
        2,
      ]);
    }
  }, 60_000);

  it("chat print --thread reads a Python server's thread state as written: key order and 20.0 kept", async () => {
    const { transcript, threadId } = await chatOnce();
    const proxy = await pythonStyleProxy(e2e.server.deployment.url);
    try {
      const env = { LANGGRAPH_API_KEY: e2e.server.deployment.key ?? "" };
      const text = await e2e.cli(["print", "--url", proxy.url, "--thread", threadId], { env });
      expect(text.stdout).toBe(
        transcript.replace(
          "    query: weather in san francisco\n",
          "    query: weather in san francisco\n    9: 2.0\n    t: 20.0\n",
        ),
      );
      const markdown = await e2e.cli(["print", "--url", proxy.url, "--thread", threadId, "--format", "markdown"], { env });
      expect(markdown.stdout).toContain('{\n  "query": "weather in san francisco",\n  "9": 2.0,\n  "t": 20.0\n}');
    } finally {
      proxy.server.closeAllConnections();
      proxy.server.close();
    }
  }, 60_000);

  it("a Python server's thread states print through chat's own transcript with their key order and 20.0", async () => {
    const proxy = await pythonStyleProxy(e2e.url);
    try {
      const chat = await e2e.cli(["--url", proxy.url, "-m", "what's the weather in sf?"], {
        env: { LANGGRAPH_API_KEY: e2e.server.deployment.key ?? "" },
      });
      expect(chat.code).toBe(0);
      expect(chat.stdout).toContain("  Args:\n    query: weather in san francisco\n    9: 2.0\n    t: 20.0\n");
    } finally {
      proxy.server.closeAllConnections();
      proxy.server.close();
    }
  }, 60_000);
});
