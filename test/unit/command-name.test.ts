// The resume hint names a command that works where chat was started.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";
import { commandName, shellWord } from "../../src/commands/hints.js";

it('is "chat" when that name on PATH is this program, "npx chat" otherwise', () => {
  const dir = mkdtempSync(join(tmpdir(), "chat-path-"));
  try {
    const bin = join(dir, "chat.js");
    writeFileSync(bin, "", { mode: 0o755 });
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

it("under npx, a global install's bin that npx put on PATH is not the shell's: npx chat", () => {
  // A global install whose bin the user's PATH lacks (an npm prefix not on PATH): `chat` is not
  // found in the shell, so the user runs `npx chat`, and npx puts that bin first on our PATH.
  const dir = mkdtempSync(join(tmpdir(), "chat-path-"));
  try {
    const globalBin = join(dir, "prefix", "bin");
    const bin = join(dir, "prefix", "lib", "node_modules", "chat", "bin", "chat.js");
    mkdirSync(dirname(bin), { recursive: true });
    mkdirSync(globalBin, { recursive: true });
    writeFileSync(bin, "", { mode: 0o755 });
    symlinkSync(bin, join(globalBin, "chat"));
    const npmAdded = [
      globalBin,
      join(dir, "node_modules", ".bin"),
      "/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin",
    ];
    const npx = { npm_lifecycle_event: "npx", npm_command: "exec" };
    expect(commandName({ ...npx, PATH: [...npmAdded, "/usr/bin"].join(":") }, join(globalBin, "chat"))).toBe("npx chat");
    // The same bin on the PATH npx was given is the shell's own.
    expect(commandName({ ...npx, PATH: [...npmAdded, "/usr/bin", globalBin].join(":") }, join(globalBin, "chat"))).toBe("chat");
    // Not under npm, the PATH is the shell's.
    expect(commandName({ PATH: [globalBin, "/usr/bin"].join(":") }, join(globalBin, "chat"))).toBe("chat");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("is npx chat when the shell would find another chat first (a ppp chat in /usr/sbin)", () => {
  const dir = mkdtempSync(join(tmpdir(), "chat-path-"));
  try {
    const [mine, other] = [join(dir, "mine"), join(dir, "other")];
    mkdirSync(mine);
    mkdirSync(other);
    writeFileSync(join(mine, "chat"), "", { mode: 0o755 });
    writeFileSync(join(other, "chat"), "", { mode: 0o755 });
    writeFileSync(join(dir, "chat"), "", { mode: 0o644 }); // not executable: the shell passes over it
    expect(commandName({ PATH: [other, mine].join(":") }, join(mine, "chat"))).toBe("npx chat");
    expect(commandName({ PATH: [dir, mine, other].join(":") }, join(mine, "chat"))).toBe("chat");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("quotes a deployment or project path so the printed command works when pasted", () => {
  expect(shellWord("http://127.0.0.1:2024")).toBe("http://127.0.0.1:2024");
  expect(shellWord("/home/me/my agent")).toBe("'/home/me/my agent'");
  expect(shellWord("it's")).toBe("'it'\\''s'");
});
