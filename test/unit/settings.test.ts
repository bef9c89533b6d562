import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mask, readSaved, resolveSetting, settingsPath } from "../../src/settings/settings.js";
import { settingsStore } from "../../src/settings/store.js";
import { resolveTarget } from "../../src/commands/target.js";

describe("settings precedence: flag > environment > saved > default", () => {
  it("takes each source in turn", () => {
    const saved = { strategy: "reject" };
    expect(resolveSetting("strategy", "interrupt", { CHAT_STRATEGY: "rollback" }, saved)).toMatchObject({
      value: "interrupt",
      source: "flag",
    });
    expect(resolveSetting("strategy", undefined, { CHAT_STRATEGY: "rollback" }, saved)).toMatchObject({
      value: "rollback",
      source: "env",
      origin: "CHAT_STRATEGY",
    });
    expect(resolveSetting("strategy", undefined, {}, saved)).toMatchObject({ value: "reject", source: "saved" });
    expect(resolveSetting("strategy", undefined, {}, {})).toMatchObject({ value: "enqueue", source: "default" });
    expect(resolveSetting("url", undefined, {}, {})).toMatchObject({ value: undefined, source: "unset" });
  });

  it("reads the API key in the SDK's order", () => {
    const env = { LANGCHAIN_API_KEY: "c-key-123456", LANGSMITH_API_KEY: "s-key-123456" };
    expect(resolveSetting("apiKey", undefined, env, { apiKey: "saved-key-1234" })).toMatchObject({
      value: "s-key-123456",
      origin: "LANGSMITH_API_KEY",
    });
    expect(resolveSetting("apiKey", undefined, { ...env, LANGGRAPH_API_KEY: "g-key-123456" }, {})).toMatchObject({
      origin: "LANGGRAPH_API_KEY",
    });
  });

  it("refuses bad values wherever they come from, naming where", () => {
    expect(() => resolveSetting("strategy", undefined, { CHAT_STRATEGY: "yolo" }, {})).toThrow(
      /CHAT_STRATEGY: unknown strategy "yolo"/,
    );
    expect(() => resolveSetting("url", undefined, {}, { url: "not a url" })).toThrow(/saved setting url: malformed URL/);
    expect(() => resolveSetting("demoLatency", "-5", {}, {})).toThrow(/--demo-latency: demoLatency must be a number >= 0/);
  });

  it("--local wins over a url from anywhere, and cannot be combined with --url", () => {
    expect(resolveTarget({ local: true }, { CHAT_URL: "http://x.example" }, {}).url).toBeUndefined();
    expect(resolveTarget({}, { CHAT_URL: "http://x.example/" }, {}).url).toBe("http://x.example");
    expect(() => resolveTarget({ local: true, url: "http://x.example" }, {}, {})).toThrow(/cannot be used together/);
  });
});

describe("secrets and the settings file", () => {
  it("masks all but the last four characters, and short keys entirely", () => {
    expect(mask("lsv2_pt_abcdefghijkl")).toBe("••••ijkl");
    expect(mask("short")).toBe("••••");
  });

  it("writes the settings file with mode 0600", () => {
    const dir = mkdtempSync(join(tmpdir(), "chat-settings-"));
    try {
      const store = settingsStore(dir);
      store.set("apiKey", "secret-value-1234");
      expect(statSync(store.path).mode & 0o777).toBe(0o600);
      expect(settingsStore(dir).all()).toEqual({ apiKey: "secret-value-1234" });
      // Reading needs no conf: the same file, read directly.
      expect(store.path).toBe(settingsPath(dir));
      expect(readSaved(dir)).toEqual({ apiKey: "secret-value-1234" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a broken settings file", () => {
  it("is a usage error that names the file, not silently ignored", async () => {
    const { writeFileSync } = await import("node:fs");
    const dir = mkdtempSync(join(tmpdir(), "chat-settings-"));
    try {
      expect(readSaved(dir)).toEqual({});
      writeFileSync(settingsPath(dir), '{"url": "http://x",}');
      expect(() => readSaved(dir)).toThrow(new RegExp(`settings file ${settingsPath(dir)} is not valid JSON`));
      writeFileSync(settingsPath(dir), "[1]");
      expect(() => readSaved(dir)).toThrow(/must hold a JSON object/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
