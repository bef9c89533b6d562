// /export: the open thread, read from the server, written to a file (Markdown for .md, else the
// transcript's plain text); an existing file is kept unless /export! is typed; anything that goes
// wrong is one line and leaves the disk as it was. Over a fake deployment and a temp directory.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@langchain/langgraph-sdk";
import { ChatController, type ChatSnapshot } from "../../src/interactive/controller.js";
import { Session } from "../../src/engine/session.js";
import { memoryHistory } from "../../src/interactive/input-history.js";
import { plainTheme, prettyTranscript } from "../../src/pretty-print/pretty.js";
import { markdownTranscript, markdownValues } from "../../src/pretty-print/markdown.js";
import { prettyValues } from "../../src/pretty-print/values.js";
import { exportPath, threadExporter } from "../../src/commands/export.js";
import { formatFor } from "../../src/commands/formats.js";
import type { MessageDict } from "../../src/engine/message.js";
import { HttpError, fakeDeployment } from "../helpers/fake-client.js";

const THREAD = "thread-1234567890";
const MESSAGES: MessageDict[] = [
  { type: "human", content: "what's the weather in sf?", id: "h1" },
  { type: "ai", content: "", id: "a1", tool_calls: [{ name: "search", args: { query: "sf" }, id: "c1" }] },
  { type: "tool", content: "sunny", name: "search", tool_call_id: "c1", id: "t1" },
  { type: "ai", content: "It's sunny.", id: "a2" },
];

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "chat-export-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function deployment() {
  const fake = fakeDeployment();
  fake.thread.push(...MESSAGES);
  return { fake, exporter: threadExporter(fake.client as unknown as Client, "fake", dir) };
}

describe("the exporter", () => {
  it("writes Markdown for a .md name and the transcript's plain text otherwise, and says where", async () => {
    const { exporter } = deployment();
    expect(await exporter(THREAD, "t.md", false)).toBe(
      `thread ${THREAD} exported to ${join(dir, "t.md")} (Markdown, 4 messages)`,
    );
    expect(readFileSync(join(dir, "t.md"), "utf8")).toBe(markdownTranscript(MESSAGES, { threadId: THREAD }));
    expect(await exporter(THREAD, "t.txt", false)).toContain("(text, 4 messages)");
    expect(readFileSync(join(dir, "t.txt"), "utf8")).toBe(prettyTranscript(MESSAGES, plainTheme));
  });

  it("refuses an existing file and leaves it as it was; /export! replaces it whole, leaving nothing beside it", async () => {
    const { exporter } = deployment();
    writeFileSync(join(dir, "t.md"), "mine");
    await expect(exporter(THREAD, "t.md", false)).rejects.toThrow(`${join(dir, "t.md")} exists: /export! replaces it`);
    expect(readFileSync(join(dir, "t.md"), "utf8")).toBe("mine");
    await exporter(THREAD, "t.md", true);
    expect(readFileSync(join(dir, "t.md"), "utf8")).toBe(markdownTranscript(MESSAGES, { threadId: THREAD }));
    expect(readdirSync(dir)).toEqual(["t.md"]);
  });

  it("a missing directory, a file on the way or a directory as the name is one line, and nothing is written", async () => {
    const { exporter } = deployment();
    writeFileSync(join(dir, "file"), "");
    mkdirSync(join(dir, "sub"));
    await expect(exporter(THREAD, "no/such/t.md", false)).rejects.toThrow(`no such directory: ${join(dir, "no/such")}`);
    await expect(exporter(THREAD, "file/t.md", false)).rejects.toThrow(`not a directory on the way to ${join(dir, "file/t.md")}`);
    await expect(exporter(THREAD, "sub", true)).rejects.toThrow(/sub is a directory|sub exists/);
    await expect(exporter(THREAD, "no/such/t.md", true)).rejects.toThrow("no such directory");
    expect(readdirSync(dir).sort()).toEqual(["file", "sub"]);
    expect(readdirSync(join(dir, "sub"))).toEqual([]);
  });

  it("a thread the server does not know is said as such, and no file is made", async () => {
    const fake = fakeDeployment();
    const client = {
      threads: {
        getState: () => Promise.reject(new HttpError(404, "not found")),
      },
    };
    const exporter = threadExporter({ ...fake.client, ...client } as unknown as Client, "fake", dir);
    await expect(exporter("gone", "t.md", false)).rejects.toThrow("unknown thread gone on fake");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a thread whose state has no messages is written as its values", async () => {
    const fake = fakeDeployment();
    const client = { threads: { getState: () => Promise.resolve({ values: { topic: "cats", n: 20 } }) } };
    const exporter = threadExporter({ ...fake.client, ...client } as unknown as Client, "fake", dir);
    expect(await exporter(THREAD, "s.md", false)).toContain("(Markdown, its state)");
    expect(readFileSync(join(dir, "s.md"), "utf8")).toBe(markdownValues({ topic: "cats", n: 20 }, { threadId: THREAD }));
    await exporter(THREAD, "s.txt", false);
    expect(readFileSync(join(dir, "s.txt"), "utf8")).toBe(prettyValues({ topic: "cats", n: 20 }));
  });

  it("reads a name relative to the working directory, ~/ at home, and .md or .markdown as Markdown", () => {
    expect(exportPath("a/t.md", "/w", "/home/me")).toBe("/w/a/t.md");
    expect(exportPath("~/t.md", "/w", "/home/me")).toBe("/home/me/t.md");
    expect(exportPath("/abs/t", "/w", "/home/me")).toBe("/abs/t");
    expect([formatFor("t.md"), formatFor("T.MARKDOWN"), formatFor("t.txt"), formatFor("md")]).toEqual([
      "markdown",
      "markdown",
      "text",
      "text",
    ]);
  });
});

describe("/export in the interactive controller", () => {
  async function ui(withExport = true) {
    const { fake, exporter } = deployment();
    const session = await Session.open({ client: fake.client, assistantId: "agent", threadId: THREAD, retryDelayMs: 5 });
    const controller = new ChatController({
      session,
      openSession: () => Promise.resolve(session),
      strategy: "enqueue",
      history: memoryHistory(),
      theme: () => plainTheme,
      ...(withExport ? { exportThread: exporter } : {}),
    });
    const snap = () => controller.getSnapshot();
    const submit = async (text: string) => {
      controller.key(text, {});
      controller.key("\r", { return: true });
      await controller.settled();
    };
    const last = (s: ChatSnapshot) => s.items.at(-1);
    return { controller, snap, submit, last };
  }

  it("writes the open thread and says where in one transcript line", async () => {
    const chat = await ui();
    await chat.submit("/export t.md");
    expect(chat.last(chat.snap())).toMatchObject({
      text: `thread ${THREAD} exported to ${join(dir, "t.md")} (Markdown, 4 messages)`,
      tone: "notice",
    });
    expect(readFileSync(join(dir, "t.md"), "utf8")).toBe(markdownTranscript(MESSAGES, { threadId: THREAD }));
  });

  it("refuses an existing file in one warning line, the file unchanged; /export! replaces it", async () => {
    const chat = await ui();
    writeFileSync(join(dir, "t.txt"), "mine");
    await chat.submit("/export t.txt");
    expect(chat.last(chat.snap())).toMatchObject({
      text: `not exported: ${join(dir, "t.txt")} exists: /export! replaces it`,
      tone: "warning",
    });
    expect(readFileSync(join(dir, "t.txt"), "utf8")).toBe("mine");
    await chat.submit("/export! t.txt");
    expect(chat.last(chat.snap())?.text).toContain("exported to");
    expect(readFileSync(join(dir, "t.txt"), "utf8")).toBe(prettyTranscript(MESSAGES));
  });

  it("/export with no file is a hint, with the line left to mend; nothing is written", async () => {
    const chat = await ui();
    await chat.submit("/export");
    expect(chat.last(chat.snap())).toMatchObject({ text: "usage: /export <file> (a .md name writes Markdown)", tone: "warning" });
    expect(chat.snap().input.value).toBe("/export");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("without a deployment to read from, /export says it is not available", async () => {
    const chat = await ui(false);
    await chat.submit("/export t.md");
    expect(chat.last(chat.snap())).toMatchObject({ text: "/export is not available here", tone: "warning" });
    expect(readdirSync(dir)).toEqual([]);
  });
});
