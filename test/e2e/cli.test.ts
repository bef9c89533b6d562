// The built CLI end to end: bin/chat.js as a child process against its own local deployment.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prettyTranscript } from "../../src/pretty-print/pretty.js";
import type { MessageDict } from "../../src/engine/message.js";
import { BIN } from "../helpers/cli.js";
import { e2eSetup } from "../helpers/e2e.js";
import { serverPidsUnder } from "../helpers/processes.js";

const SF = "what's the weather in sf?";
const NYC = "what's the weather in nyc?";
const e2e = e2eSetup({ env: { CHAT_DEMO_LATENCY_MS: "100" } });
const titles = (out: string) =>
  out
    .split("\n")
    .filter((l) => /^=+ \w+ Message =+$/.test(l))
    .map((l) => l.replace(/=/g, "").trim());
const EXCHANGE = ["Human Message", "Ai Message", "Tool Message", "Ai Message"];

describe("scripted mode against the built-in local deployment", () => {
  it("prints both enqueued exchanges in order, leaves no server behind, and matches its own --json messages", async () => {
    const plain = await e2e.cli(["-m", SF, "-m", NYC]);
    expect(plain.stderr).toMatch(
      new RegExp(
        `^\\[1\\] sent with enqueue: .*\\n\\[2\\] sent with enqueue: .*\\n\\[1\\] success · (.+)\\n\\[2\\] success · (.+)\\n$`,
      ),
    );
    expect(plain.code).toBe(0);
    expect(titles(plain.stdout)).toEqual([...EXCHANGE, ...EXCHANGE]);
    expect(plain.stdout).toMatch(/San Francisco[\s\S]*what's the weather in nyc\?[\s\S]*New York City/);
    expect(serverPidsUnder(e2e.home)).toEqual([]);

    const json = await e2e.cli(["--json", "-m", SF, "-m", NYC]);
    expect(json.code).toBe(0);
    const events = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((e) => `${e.type}:${e.index ?? ""}`)).toEqual([
      "sent:1",
      "sent:2",
      "finished:1",
      "messages:1",
      "finished:2",
      "messages:2",
      "done:",
    ]);
    expect(events.at(-1)).toMatchObject({ type: "done", exit_code: 0, thread_id: events[0]?.thread_id });
    expect(events.filter((e) => e.type === "finished").map((e) => [e.status, e.server_status])).toEqual([
      ["success", "success"],
      ["success", "success"],
    ]);
    const messages = events.flatMap((e) => (e.type === "messages" ? (e.messages as MessageDict[]) : []));
    expect(prettyTranscript(messages)).toBe(plain.stdout);
    // Each run's tokens are what its AI messages report, summed; stderr says the same (the model is deterministic).
    for (const index of [1, 2]) {
      const own = events.find((e) => e.type === "messages" && e.index === index)?.messages as MessageDict[];
      const reported = own.flatMap((m) => (m.type === "ai" ? [m.usage_metadata as Record<string, number>] : []));
      const sum = (key: string) => reported.reduce((n, u) => n + (u[key] ?? 0), 0);
      const usage = { input_tokens: sum("input_tokens"), output_tokens: sum("output_tokens"), total_tokens: sum("total_tokens") };
      expect(usage.total_tokens).toBeGreaterThan(0);
      expect(events.find((e) => e.type === "finished" && e.index === index)?.usage).toEqual(usage);
      expect(plain.stderr).toContain(
        `[${index}] success · ${usage.total_tokens} tokens (${usage.input_tokens} in, ${usage.output_tokens} out)\n`,
      );
    }
  });

  it("reject: the second message is refused, exit code 4, only the first exchange printed", async () => {
    const r = await e2e.cli(["--strategy", "reject", "-m", SF, "-m", NYC]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^\[2\] rejected \(HTTP 422\): .+$/m);
    expect(titles(r.stdout)).toEqual(EXCHANGE);
    expect(r.stdout).not.toContain(NYC);
  });

  it("twelve messages that interrupt each other: every one accounted for, and no listener-leak warning", async () => {
    const messages = Array.from({ length: 12 }, (_, i) => ["-m", `weather in city ${i + 1}?`]).flat();
    const r = await e2e.cli(["--strategy", "interrupt", ...messages]);
    expect(r.stderr).not.toMatch(/MaxListenersExceededWarning|Warning:/);
    expect(r.stderr.match(/^\[\d+\] (interrupted|never ran|success)/gm)).toHaveLength(12);
    expect(r.stderr).toMatch(/^\[12\] success · \d+ tokens/m);
  });

  it("interrupt: the first run is reported interrupted and the second answers", async () => {
    const r = await e2e.cli(["--strategy", "interrupt", "-m", SF, "-m", NYC]);
    expect(r.code).toBe(0);
    // Stopped while still pending on the server, it never ran.
    expect(r.stderr).toMatch(/^\[1\] (interrupted|never ran: interrupted) by #2 \(interrupt\)/m);
    expect(r.stderr).toMatch(/^\[2\] success · \d+ tokens/m);
    expect(r.stdout).toMatch(/what's the weather in nyc\?[\s\S]*New York City right now/);
    expect(r.stdout).not.toMatch(/San Francisco right now/);
  });

  it("rollback: the first run is rolled back (or stopped, when already running) and the second answers", async () => {
    const r = await e2e.cli(["--strategy", "rollback", "-m", SF, "-m", NYC]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\[1\] (rolled back|stopped): (deleted by|rollback requested by) #2/m);
    expect(r.stdout).toMatch(/New York City right now/);
    expect(r.stdout).not.toMatch(/San Francisco right now/);
  });

  it("reads messages from stdin and from a script file, skipping blank lines and comments", async () => {
    const piped = await e2e.cli([], { input: `${SF}\n\n${NYC}\n` });
    expect(piped.code).toBe(0);
    expect(titles(piped.stdout)).toEqual([...EXCHANGE, ...EXCHANGE]);
    const script = join(e2e.home, "script.txt");
    writeFileSync(script, `# two questions\n${SF}\n\n   \n# done\n${NYC}\n`);
    const scripted = await e2e.cli(["--script", script]);
    expect(scripted.code).toBe(0);
    expect(scripted.stdout).toBe(piped.stdout);
  });

  it('the demo agent reads a double-texted "and la?" as Los Angeles, and a long message naming no city as small talk', async () => {
    const long = "I was wondering in a general sort of way what you make of all this";
    const r = await e2e.cli(["-m", SF, "-m", "and la?", "-m", long]);
    expect(r.code).toBe(0);
    expect(titles(r.stdout)).toEqual([...EXCHANGE, ...EXCHANGE, "Human Message", "Ai Message"]);
    expect(r.stdout).toContain("query: weather in los angeles");
    expect(r.stdout).toMatch(/and la\?[\s\S]*It's 72°F \(22°C\) and clear in Los Angeles right now/);
    expect(r.stdout).toMatch(/what you make of all this\n+=+ Ai Message =+\n\nHi! I'm chat's demo agent/);
  });

  it("stops its local server and exits 143 on SIGTERM mid-run, naming the messages it cut off", async () => {
    const child = spawn(process.execPath, [BIN, "-m", SF, "-m", NYC], {
      env: e2e.spawnEnv({ CHAT_DEMO_LATENCY_MS: "5000" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let err = "";
      await new Promise<void>((resolve) => {
        child.stderr.setEncoding("utf8").on("data", (d: string) => {
          err += d;
          if (err.includes("[2] sent")) resolve();
        });
      });
      expect(serverPidsUnder(e2e.home)).toHaveLength(1);
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(143);
      expect(serverPidsUnder(e2e.home)).toEqual([]);
      expect(err).toContain(
        "chat: stopped by SIGTERM: 2 message(s) cut off: the local deployment stops with chat:\n" +
          `  #1 ${JSON.stringify(SF)}\n  #2 ${JSON.stringify(NYC)}\n`,
      );
    } finally {
      child.kill("SIGKILL");
    }
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "with --json, %s still ends the output with a done event naming what was unfinished, and stderr names them",
    async (signal) => {
      const child = spawn(process.execPath, [BIN, "--json", "-m", SF, "-m", NYC], {
        env: e2e.spawnEnv({ CHAT_DEMO_LATENCY_MS: "5000" }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      try {
        let [out, err] = ["", ""];
        child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
        await new Promise<void>((resolve) => {
          child.stdout.setEncoding("utf8").on("data", (d: string) => {
            out += d;
            if (out.includes('"type":"sent","index":2')) resolve();
          });
        });
        const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
        child.kill(signal);
        const code = signal === "SIGINT" ? 130 : 143;
        expect(await exited).toBe(code);
        const last = JSON.parse(out.trim().split("\n").at(-1) ?? "") as Record<string, unknown>;
        expect(last).toMatchObject({ type: "done", exit_code: code, signal, unfinished: [1, 2] });
        // stderr names the same two, for a person reading along.
        expect(err).toContain(`chat: stopped by ${signal}: 2 message(s) cut off: the local deployment stops with chat:\n  #1 `);
      } finally {
        child.kill("SIGKILL");
      }
    },
  );
});

describe("bad input: one line on stderr, a documented exit code, no stack trace", () => {
  const oneLine = (stderr: string) => {
    expect(stderr).not.toMatch(/^\s+at /m);
    return stderr.trim().split("\n")[0];
  };

  it.each([
    [["--strategy", "bogus", "-m", "hi"], 2, /Allowed choices are reject, interrupt, rollback, enqueue/],
    [["--url", "not a url", "-m", "hi"], 2, /malformed URL/],
    [["--url", "ftp://127.0.0.1:2024", "-m", "hi"], 2, /unsupported URL scheme/],
    [["--url", "http://127.0.0.1:1", "-m", "hi"], 3, /cannot reach the deployment at http:\/\/127\.0\.0\.1:1/],
    [["--script", "/nonexistent/script.txt"], 2, /script file not found/],
    [["--gap", "soon", "-m", "hi"], 2, /--gap must be a number/],
    [["-m", "hi", "-m", ""], 2, /-m "" is an empty message/],
    [["--url", "http://me:hunter2@127.0.0.1:1", "-m", "hi"], 2, /^chat: --url: a URL cannot carry credentials/],
    [["--no-such-flag"], 2, /unknown option/],
  ])("chat %j exits %i", async (args, code, message) => {
    const r = await e2e.cli(args as string[]);
    expect(r.code).toBe(code);
    expect(oneLine(r.stderr)).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("an empty script exits 2", async () => {
    const script = join(e2e.home, "empty.txt");
    writeFileSync(script, "# nothing here\n\n");
    const r = await e2e.cli(["--script", script]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/has no messages/);
  });

  it("an unknown assistant exits 2 and lists the ones that exist", async () => {
    const r = await e2e.cli(["--assistant", "nope", "-m", "hi"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/unknown assistant "nope" \(available: agent, approve\)/);
  });

  it("a thread id that is not one is said in words, exit 2", async () => {
    const r = await e2e.cli(["--thread", "nonexistent-id", "-m", "hi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'chat: not a thread id: "nonexistent-id" (thread ids are UUIDs: give one, or any unique start or end of one)\n',
    );
  });

  it("an unknown thread exits 2", async () => {
    const r = await e2e.cli(["--thread", "00000000-0000-4000-8000-000000000000", "-m", "hi"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/unknown thread 00000000-0000-4000-8000-000000000000/);
  });

  it("nothing on stdin exits 2", async () => {
    const r = await e2e.cli([], { input: "\n\n" });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/no messages to send/);
  });
});
