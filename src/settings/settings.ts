// Settings: a conf store (mode 0600) plus precedence flag > environment > saved > default.
// Each key is validated the same way wherever it comes from; the API key is only ever shown masked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { configDir } from "./paths.js";
import { STRATEGIES, isStrategy } from "../strategies.js";
import { DEFAULT_DEMO_LATENCY_MS } from "../server/demo-latency.js";
import { parseDeploymentUrl } from "./url.js";
import { jsonObject } from "./run-options.js";

export const SETTING_KEYS = ["url", "assistant", "strategy", "hold", "apiKey", "demoLatency", "config", "context"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type Source = "flag" | "env" | "saved" | "default" | "unset";

interface Spec {
  env: readonly string[];
  fallback?: string;
  describe: string;
  secret?: boolean;
  /** Returns the value to keep, or throws a one-line reason. */
  check(value: string): string;
}

const nonEmpty = (what: string) => (value: string) => {
  if (value.trim() === "") throw new Error(`${what} cannot be empty`);
  return value.trim();
};

export const SETTINGS: Record<SettingKey, Spec> = {
  url: {
    env: ["CHAT_URL"],
    describe: "LangGraph deployment URL (unset: the built-in local deployment)",
    check: (value) => parseDeploymentUrl(value),
  },
  assistant: { env: ["CHAT_ASSISTANT"], fallback: "agent", describe: "assistant id or graph id", check: nonEmpty("assistant") },
  strategy: {
    env: ["CHAT_STRATEGY"],
    fallback: "enqueue",
    describe: `multitask strategy (${STRATEGIES.join(", ")})`,
    check: (value) => {
      if (!isStrategy(value)) throw new Error(`unknown strategy ${JSON.stringify(value)} (use ${STRATEGIES.join(", ")})`);
      return value;
    },
  },
  hold: {
    env: ["CHAT_HOLD"],
    fallback: "off",
    describe: "hold new messages in chat while a run may still ask the user (on, off)",
    check: (value) => {
      const v = value.trim().toLowerCase();
      if (["on", "true", "1", "yes"].includes(v)) return "on";
      if (["off", "false", "0", "no"].includes(v)) return "off";
      throw new Error(`hold is on or off, not ${JSON.stringify(value)}`);
    },
  },
  apiKey: {
    // The SDK's own order.
    env: ["LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"],
    describe: "API key for the deployment (shown masked)",
    secret: true,
    check: nonEmpty("apiKey"),
  },
  config: {
    env: ["CHAT_RUN_CONFIG"],
    describe: "every run's config.configurable: a JSON object, or @file",
    check: (value) => (jsonObject(value), value.trim()),
  },
  context: {
    env: ["CHAT_RUN_CONTEXT"],
    describe: "every run's context: a JSON object, or @file",
    check: (value) => (jsonObject(value), value.trim()),
  },
  demoLatency: {
    env: ["CHAT_DEMO_LATENCY_MS"],
    fallback: String(DEFAULT_DEMO_LATENCY_MS),
    describe: "local demo agent's wait per step, in ms",
    check: (value) => {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n) || n < 0)
        throw new Error(`demoLatency must be a number >= 0, not ${JSON.stringify(value)}`);
      return String(n);
    },
  },
};

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

export function checkSetting(key: SettingKey, value: string, origin: string): string {
  try {
    return SETTINGS[key].check(value);
  } catch (err) {
    throw new UsageError(`${origin}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export interface Resolved {
  readonly value: string | undefined;
  readonly source: Source;
  /** The flag, variable or file the value came from. */
  readonly origin?: string;
}

export type Saved = Partial<Record<SettingKey, unknown>>;

/** flag > environment > saved > default, each validated; bad values are usage errors. */
export function resolveSetting(key: SettingKey, flag: string | undefined, env: NodeJS.ProcessEnv, saved: Saved): Resolved {
  const spec = SETTINGS[key];
  if (flag !== undefined) return { value: checkSetting(key, flag, `--${kebab(key)}`), source: "flag", origin: `--${kebab(key)}` };
  for (const name of spec.env) {
    const value = env[name];
    if (value !== undefined && value !== "") return { value: checkSetting(key, value, name), source: "env", origin: name };
  }
  const stored = saved[key];
  if (typeof stored === "string")
    return { value: checkSetting(key, stored, `saved setting ${key}`), source: "saved", origin: "config" };
  // conf only ever writes strings: anything else was edited by hand, and is not silently "(not set)".
  if (stored !== undefined && stored !== null)
    throw new UsageError(`saved setting ${key} is not a string (${typeof stored}); fix it with chat config set ${key}`);
  if (spec.fallback !== undefined) return { value: spec.fallback, source: "default" };
  return { value: undefined, source: "unset" };
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Never more than the last four characters of a secret. */
export function mask(secret: string): string {
  return secret.length > 8 ? `••••${secret.slice(-4)}` : "••••";
}

export function display(key: SettingKey, value: string | undefined): string {
  if (value === undefined) return "";
  return SETTINGS[key].secret ? mask(value) : value;
}

/** Where conf keeps the settings (its default file name in our config directory). */
export const settingsPath = (dir = configDir()) => join(dir, "config.json");

/**
 * The saved settings, read without loading conf (it is only needed to write). No file is no
 * settings; a file that is not a JSON object is a usage error naming it, never silently ignored.
 */
export function readSaved(dir = configDir()): Saved {
  const path = settingsPath(dir);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new UsageError(`cannot read the settings file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the file's first characters, which may be a key.
    throw new UsageError(`the settings file ${path} is not valid JSON; fix or delete it`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`the settings file ${path} must hold a JSON object; fix or delete it`);
  }
  return value as Saved;
}
