// A file chat keeps is replaced whole or not at all, owner-only, and a failed write leaves nothing beside it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceWhole } from "../../src/settings/whole-file.js";

const dir = () => mkdtempSync(join(tmpdir(), "chat-whole-"));

describe("replaceWhole", () => {
  it("writes a new file, owner-only, making its directory", () => {
    const file = join(dir(), "deeper", "key");
    replaceWhole(file, "one\n");
    expect(readFileSync(file, "utf8")).toBe("one\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("replaces an existing file's text, and leaves no temporary file", () => {
    const d = dir();
    const file = join(d, "key");
    writeFileSync(file, "old and longer\n");
    replaceWhole(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(readdirSync(d)).toEqual(["key"]);
  });

  it("throws when it cannot replace the file, and removes what it wrote beside it", () => {
    const d = dir();
    const file = join(d, "key");
    mkdirSync(join(file, "inside"), { recursive: true }); // a non-empty directory cannot be renamed over
    expect(() => replaceWhole(file, "new\n")).toThrow();
    expect(readdirSync(d)).toEqual(["key"]);
  });
});
