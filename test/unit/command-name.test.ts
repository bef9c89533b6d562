// The resume hint names a command that works where chat was started.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { commandName, shellWord } from "../../src/commands/hints.js";

it('is "chat" when that name on PATH is this program, "npx chat" otherwise', () => {
  const dir = mkdtempSync(join(tmpdir(), "chat-path-"));
  try {
    const bin = join(dir, "chat.js");
    writeFileSync(bin, "");
    symlinkSync(bin, join(dir, "chat"));
    expect(commandName({ PATH: `/nonexistent:${dir}` }, bin)).toBe("chat");
    expect(commandName({ PATH: "/usr/bin" }, bin)).toBe("npx chat");
    expect(commandName({ PATH: dir }, join(dir, "other.js"))).toBe("npx chat");
    // Under npx (or npm run) the project's node_modules/.bin is on PATH, but not in the user's shell.
    const npxBin = join(dir, "node_modules", ".bin");
    mkdirSync(npxBin, { recursive: true });
    symlinkSync(bin, join(npxBin, "chat"));
    expect(commandName({ PATH: `${npxBin}:/usr/bin` }, join(npxBin, "chat"))).toBe("npx chat");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("quotes a deployment or project path so the printed command works when pasted", () => {
  expect(shellWord("http://127.0.0.1:2024")).toBe("http://127.0.0.1:2024");
  expect(shellWord("/home/me/my agent")).toBe("'/home/me/my agent'");
  expect(shellWord("it's")).toBe("'it'\\''s'");
});
