// /export in the real terminal UI against the built-in local deployment: the files it writes are
// what `chat print --thread` prints of the same thread (the same read, the same printers), an
// existing file or a missing directory is one line that writes nothing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadPty } from "../helpers/pty.js";
import { serverPidsUnder } from "../helpers/processes.js";
import { e2eSetup } from "../helpers/e2e.js";

const pty = await loadPty();
const e2e = e2eSetup({ env: { CHAT_DEMO_LATENCY_MS: "0" } });

// node-pty is an optional (native) dependency; without it there is no terminal to drive.
it.skipIf(!pty)(
  "/export writes the open thread as chat print --thread prints it; refusals write nothing",
  async () => {
    if (!pty) return;
    const home = e2e.home;
    // Wide enough that the lines waited for, paths and all, are not wrapped.
    const s = e2e.terminal(pty, {}, 200, 40);
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
    const printed = await e2e.cli(["print", "--thread", threadId]);
    expect(printed.stderr).toBe("");
    expect(printed.stdout).toBe(readFileSync(text, "utf8"));
    expect(printed.stdout).toMatch(/^=+ Human Message =+\n\nwhat's the weather in sf\?\n=+ Ai Message =+\nTool Calls:/);
    const printedMd = await e2e.cli(["print", "--thread", threadId, "--format", "markdown"]);
    expect(printedMd.stdout).toBe(readFileSync(markdown, "utf8"));
    expect(printedMd.stdout).toMatch(new RegExp(`^# Thread \`${threadId}\`\n\n## Human Message\n`));
    expect(serverPidsUnder(home)).toEqual([]);
  },
  90_000,
);
