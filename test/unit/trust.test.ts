// Issue 15's small trust items, each as pure logic: credentials in URLs, the settings file's
// secrets, clipped status lines, stdin bytes, private files, and exit codes for refusals mid-session.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { parseDeploymentUrl } from "../../src/settings/url.js";
import { readSaved, resolveSetting, settingsPath } from "../../src/settings/settings.js";
import { exitCodeFor, sentLine, statusLine } from "../../src/scripted/report.js";
import { fromLines } from "../../src/scripted/sources.js";
import { keepPrivate } from "../../src/settings/private.js";
import { retryAfterMs } from "../../src/engine/create.js";
import { EXIT } from "../../src/exit-codes.js";
import type { OutgoingMessage } from "../../src/engine/types.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "chat-trust-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("credentials in a URL", () => {
  it("are refused and never echoed", () => {
    for (const url of ["http://user:hunter2@127.0.0.1:2024", "https://hunter2@example.com"]) {
      expect(() => parseDeploymentUrl(url)).toThrow(/cannot carry credentials/);
      try {
        parseDeploymentUrl(url);
      } catch (err) {
        expect(String(err)).not.toContain("hunter2");
      }
    }
  });

  it("are hidden, and a huge URL clipped, when a malformed one is quoted", () => {
    expect(() => parseDeploymentUrl("http://user:hunter2@[bad")).toThrow(/malformed URL: "http:\/\/…@\[bad"/);
    // Backslashes for slashes, or no scheme at all: the password is hidden all the same.
    for (const raw of ["http:\\\\user:pa55word@[::1", "user:pa55word@[::1"]) {
      expect(() => parseDeploymentUrl(raw)).toThrow(/(malformed URL:|unsupported URL scheme .* in) ".*…@\[::1"/);
      expect(() => parseDeploymentUrl(raw)).not.toThrow(/pa55word/);
    }
    let message = "";
    try {
      parseDeploymentUrl(`nope:${"x".repeat(100_000)}`);
    } catch (err) {
      message = String(err);
    }
    expect(message.length).toBeLessThan(400);
    expect(message).toMatch(/more characters/);
  });
});

describe("a 100 KB deployment URL", () => {
  it("is clipped in the line that says it cannot be reached", async () => {
    const { connectionProblem } = await import("../../src/deployment/connect.js");
    const url = `http://127.0.0.1:9/${"p".repeat(100_000)}`;
    const err = connectionProblem(new Error("Unable to connect. Original error: fetch failed"), url);
    expect(err.message.length).toBeLessThan(300);
    expect(err.message).toMatch(
      /^cannot reach the deployment at http:\/\/127\.0\.0\.1:9\/p+… \(\d+ more characters\): fetch failed$/,
    );
  });
});

describe("the settings file", () => {
  it("that is not JSON is reported without quoting its content", () => {
    const dir = tempDir();
    writeFileSync(settingsPath(dir), 'lsv2_pt_secret {"apiKey": 1');
    expect(() => readSaved(dir)).toThrow(/is not valid JSON; fix or delete it$/);
    try {
      readSaved(dir);
    } catch (err) {
      expect(String(err)).not.toContain("lsv2");
    }
  });

  it("with an apiKey that is not a string says it is invalid instead of (not set)", () => {
    expect(() => resolveSetting("apiKey", undefined, {}, { apiKey: 12345 })).toThrow(/saved setting apiKey is not a string/);
    expect(resolveSetting("apiKey", undefined, {}, {})).toMatchObject({ source: "unset" });
  });
});

const message = (over: Partial<OutgoingMessage>): OutgoingMessage =>
  ({ index: 0, text: "hi", strategy: "enqueue", status: "pending", clientId: "c", messageId: "m", ...over }) as OutgoingMessage;

describe("status lines", () => {
  it("clip a 1 MB message and a long server reason", () => {
    const big = "y".repeat(1_000_000);
    expect(sentLine(message({ text: big })).length).toBeLessThan(300);
    const failed = statusLine(message({ status: "failed", detail: big }));
    expect(failed.length).toBeLessThan(600);
    expect(failed).toMatch(/… \(999500 more characters\)$/);
  });
});

describe("exit codes", () => {
  it("a create refused for credentials mid-session is exit 3, before a plain failure", () => {
    const refused = message({ index: 1, status: "failed", httpStatus: 401 });
    const failed = message({ status: "failed", httpStatus: 500 });
    expect(exitCodeFor([failed, refused], false)).toBe(EXIT.unreachable);
    expect(exitCodeFor([failed, message({ index: 1, status: "failed", httpStatus: 403 })], false)).toBe(EXIT.unreachable);
    expect(exitCodeFor([failed], false)).toBe(EXIT.runFailed);
  });

  it("Retry-After is read as seconds or as a date", () => {
    const err = (value: string) => ({
      status: 429,
      response: new Response(null, { status: 429, headers: { "retry-after": value } }),
    });
    expect(retryAfterMs(err("3"))).toBe(3000);
    expect(retryAfterMs(err(new Date(10_000).toUTCString()), 4_000)).toBe(6000);
    expect(retryAfterMs(err("soon"))).toBeUndefined();
    expect(retryAfterMs({ status: 429 })).toBeUndefined();
  });
});

describe("stdin lines", () => {
  async function read(chunks: Buffer[]) {
    const lines: string[] = [];
    const invalid: number[] = [];
    for await (const line of fromLines(Readable.from(chunks), undefined, (n) => invalid.push(n))) lines.push(line);
    return { lines, invalid };
  }

  it("keep a multi-byte character split across chunks, CRLF endings and a last line without newline", async () => {
    const bytes = Buffer.from("héllo\r\n\nwörld");
    const { lines, invalid } = await read([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]);
    expect(lines).toEqual(["héllo", "wörld"]);
    expect(invalid).toEqual([]);
  });

  it("that are not UTF-8 are sent with U+FFFD, and that is said once, naming the first such line", async () => {
    const { lines, invalid } = await read([Buffer.from("ok\n"), Buffer.from([0x61, 0xff, 0x0a, 0xfe, 0x0a])]);
    expect(lines).toEqual(["ok", "a\ufffd", "\ufffd"]);
    expect(invalid).toEqual([2]);
  });
});

describe("private files", () => {
  it("tightens what an older chat left readable and makes new files private", () => {
    const dir = tempDir();
    const data = join(dir, "local-deployment", ".langgraph_api");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(dir, "input-history.json"), "{}", { mode: 0o644 });
    writeFileSync(join(data, ".langgraphjs_api.checkpointer.json"), "{}", { mode: 0o644 });
    writeFileSync(join(dir, "someone-elses.txt"), "", { mode: 0o644 });
    chmodSync(dir, 0o755);
    const before = process.umask();
    try {
      keepPrivate(dir);
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, "input-history.json"))).toBe(0o600);
      expect(mode(join(dir, "local-deployment"))).toBe(0o700);
      expect(mode(data)).toBe(0o700);
      expect(mode(join(data, ".langgraphjs_api.checkpointer.json"))).toBe(0o600);
      expect(mode(join(dir, "someone-elses.txt"))).toBe(0o644);
      writeFileSync(join(dir, "new.json"), "{}");
      expect(mode(join(dir, "new.json"))).toBe(0o600);
    } finally {
      process.umask(before);
    }
  });

  it("tightens a symlinked config directory's target, and a project's data (its conversation checkpoints)", () => {
    const target = tempDir();
    const link = join(tempDir(), "config-link");
    symlinkSync(target, link);
    const project = join(target, "projects", "abc123", ".langgraph_api");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, ".langgraphjs_api.checkpointer.json"), "{}", { mode: 0o644 });
    chmodSync(target, 0o755);
    chmodSync(join(target, "projects"), 0o755);
    const before = process.umask();
    try {
      keepPrivate(link);
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(target)).toBe(0o700);
      expect(mode(join(target, "projects"))).toBe(0o700);
      expect(mode(join(project, ".langgraphjs_api.checkpointer.json"))).toBe(0o600);
    } finally {
      process.umask(before);
    }
  });
});
