// Settings, listings and the start-up probe, through the built CLI.
import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";

const SECRET = "lsv2_pt_secret_do_not_print_9f3c";
const e2e = e2eSetup({ server: { latencyMs: 50 } });

describe("chat config", () => {
  it("refuses bad values with one line and exit 2", async () => {
    for (const [args, message] of [
      [["config", "set", "strategy", "bogus"], /unknown strategy "bogus"/],
      [["config", "set", "url", "not a url"], /malformed URL/],
      [["config", "set", "colour", "red"], /unknown setting "colour"/],
      [["config", "frob"], /unknown config action/],
    ] as const) {
      const r = await e2e.cli([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it("warns when an API key is typed on the command line, and points to reading it from stdin", async () => {
    const set = await e2e.cli(["config", "set", "apiKey", "typed-in-argv-1234"]);
    expect(set.code).toBe(0);
    expect(set.stderr).toBe(
      "chat: apiKey typed on the command line stays in the shell's history; next time use: chat config set apiKey -\n",
    );
    expect((await e2e.cli(["config", "unset", "apiKey"])).code).toBe(0);
  });

  it("keeps the API key in a 0600 file and never prints it in full", async () => {
    const set = await e2e.cli(["config", "set", "apiKey", "-"], { input: `${SECRET}\n` });
    expect(set.code).toBe(0);
    expect(set.stdout).toBe("apiKey = ••••9f3c\n");
    const path = (await e2e.cli(["config", "path"])).stdout.trim();
    expect(path.startsWith(e2e.home)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, "utf8")).toContain(SECRET);

    const list = await e2e.cli(["config", "list"], { env: { CHAT_STRATEGY: "reject" } });
    expect(list.stdout).toMatch(/^apiKey\s+••••9f3c\s+saved$/m);
    expect(list.stdout).toMatch(/^strategy\s+reject\s+env CHAT_STRATEGY$/m);
    expect(list.stdout).toMatch(/^assistant\s+agent\s+default$/m);
    const json = await e2e.cli(["config", "list", "--json"]);
    expect(JSON.parse(json.stdout)).toContainEqual({ key: "apiKey", value: "••••9f3c", source: "saved", origin: "config" });
    const get = await e2e.cli(["config", "get", "apiKey"]);
    for (const out of [list.stdout, list.stderr, json.stdout, get.stdout]) expect(out).not.toContain(SECRET);

    // Used against a deployment, the key shows up nowhere: not in output, not in the local server's log.
    const chat = await e2e.cli(["--json", "-m", "hi"], { env: { LANGSMITH_API_KEY: SECRET } });
    expect(chat.code).toBe(0);
    expect(chat.stdout + chat.stderr).not.toContain(SECRET);
    expect(readFileSync(join(e2e.home, "logs", "server.log"), "utf8")).not.toContain(SECRET);

    expect((await e2e.cli(["config", "unset", "apiKey"])).code).toBe(0);
    expect(readFileSync(path, "utf8")).not.toContain(SECRET);
  });

  it("a saved url is used, --resume continues the last thread there, and threads/assistants list it", async () => {
    // No --url, so the test deployment's key comes from the environment, as a user's would.
    const keyed = () => ({ env: { LANGGRAPH_API_KEY: e2e.server.deployment.key ?? "" } });
    expect((await e2e.cli(["config", "set", "url", e2e.url], keyed())).code).toBe(0);
    const first = await e2e.cli(["--json", "-m", "what's the weather in sf?"], keyed());
    expect(first.code).toBe(0);
    const thread = (JSON.parse(first.stdout.trim().split("\n").at(-1) ?? "{}") as { thread_id: string }).thread_id;
    await expect(e2e.server.client.threads.get(thread)).resolves.toMatchObject({ thread_id: thread });

    const again = await e2e.cli(["--json", "--resume", "-m", "and in nyc?"], keyed());
    expect(JSON.parse(again.stdout.trim().split("\n").at(-1) ?? "{}")).toMatchObject({ thread_id: thread, exit_code: 0 });

    const threads = await e2e.cli(["threads", "--json"], keyed());
    const listed = JSON.parse(threads.stdout) as Array<{ thread_id: string; last_message: string }>;
    expect(listed[0]).toMatchObject({ thread_id: thread, last_message: expect.stringMatching(/New York City/) });
    const plain = await e2e.cli(["threads"], keyed());
    expect(plain.stdout).toMatch(new RegExp(`^${thread}\\s+idle\\s+\\S+\\s+It's 85°F`, "m"));
    const assistants = await e2e.cli(["assistants", "--json"], keyed());
    expect(JSON.parse(assistants.stdout)).toContainEqual(expect.objectContaining({ graph_id: "agent" }));
    await e2e.cli(["config", "unset", "url"], keyed());
  });

  it("--resume with nothing to resume is a usage error", async () => {
    const r = await e2e.cli(["--resume", "--url", "http://127.0.0.1:9", "-m", "hi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no earlier thread with http:\/\/127\.0\.0\.1:9/);
  });
});

describe("the start-up probe", () => {
  let stub: Server;
  let status = 404;
  beforeAll(async () => {
    stub = createServer((_req, res) => {
      res.writeHead(status, { "content-type": "text/html" });
      res.end("<html>nope</html>");
    });
    await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())));
  const url = () => `http://127.0.0.1:${(stub.address() as { port: number }).port}`;

  it.each([
    [404, /does not look like a LangGraph server/],
    [200, /does not look like a LangGraph server/],
    [401, /refused the credentials \(HTTP 401\)/],
    [403, /refused the credentials \(HTTP 403\)/],
  ])("a server answering %i is one line and exit 3, for chat and for listings", async (answer, message) => {
    status = answer;
    for (const args of [
      ["--url", url(), "-m", "hi"],
      ["threads", "--url", url()],
    ]) {
      const r = await e2e.cli(args);
      expect(r.code).toBe(3);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
