// /export in the real terminal UI against the built-in local deployment: the files it writes are
// what `chat print --thread` prints of the same thread (the same read, the same printers), an
// existing file or a missing directory is one line that writes nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPty, startInPty, type Screen } from "../helpers/pty.js";
import { runCli } from "../helpers/cli.js";
import { serverPidsUnder } from "../helpers/processes.js";

const pty = await loadPty();
let home: string;
let screen: Screen | undefined;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), "chat-export-"));
});
afterAll(() => {
  screen?.kill();
  rmSync(home, { recursive: true, force: true });
});

// node-pty is an optional (native) dependency; without it there is no terminal to drive.
it.skipIf(!pty)(
  "/export writes the open thread as chat print --thread prints it; refusals write nothing",
  async () => {
    if (!pty) return;
    const env = { CHAT_CONFIG_DIR: home, CHAT_DEMO_LATENCY_MS: "0", NO_COLOR: "1" };
    // Wide enough that the lines waited for, paths and all, are not wrapped.
    const s = (screen = startInPty(pty, env, 200, 40));
    await s.waitFor(/strategy enqueue · connected/);
    await s.enter("what's the weather in sf?");
    await s.waitFor(/Ai Message =+\n\nIt's [^\n]*San Francisco/);

    const [text, markdown] = [join(home, "t.txt"), join(home, "t.md")];
    await s.enter(`/export ${text}`);
    await s.waitFor(/thread [0-9a-f-]{36} exported to \S+t\.txt \(text, 4 messages\)/);
    await s.enter(`/export ${markdown}`);
    await s.waitFor(/exported to \S+t\.md \(Markdown, 4 messages\)/);
    writeFileSync(markdown, "mine");
    await s.enter(`/export ${markdown}`);
    await s.waitFor(/not exported: \S+t\.md exists: \/export! replaces it/);
    expect(readFileSync(markdown, "utf8")).toBe("mine");
    await s.enter(`/export ${join(home, "no", "such", "t.md")}`);
    await s.waitFor(/not exported: no such directory: \S+\/no\/such/);
    expect(existsSync(join(home, "no"))).toBe(false);
    await s.enter(`/export! ${markdown}`);
    await s.waitFor(/exported to \S+t\.md \(Markdown, 4 messages\)[\s\S]*exported to \S+t\.md \(Markdown/);

    await s.enter("/quit");
    expect(await s.exited).toBe(0);
    const threadId = /--thread ([0-9a-f-]{36})/.exec(s.text())?.[1] ?? "none";
    expect(serverPidsUnder(home)).toEqual([]);

    // The built-in deployment (no --url) started again, for print: the same thread, the same bytes.
    const printed = await runCli(["print", "--thread", threadId], { env });
    expect(printed.stderr).toBe("");
    expect(printed.stdout).toBe(readFileSync(text, "utf8"));
    expect(printed.stdout).toMatch(/^=+ Human Message =+\n\nwhat's the weather in sf\?\n=+ Ai Message =+\nTool Calls:/);
    const printedMd = await runCli(["print", "--thread", threadId, "--format", "markdown"], { env });
    expect(printedMd.stdout).toBe(readFileSync(markdown, "utf8"));
    expect(printedMd.stdout).toMatch(new RegExp(`^# Thread \`${threadId}\`\n\n## Human Message\n`));
    expect(serverPidsUnder(home)).toEqual([]);
  },
  90_000,
);
