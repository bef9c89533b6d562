// `chat config set|get|unset|list|path`: the saved settings, and where each effective value comes from.
import { createInterface } from "node:readline";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { UsageError } from "../errors.js";
import {
  SETTINGS,
  SETTING_KEYS,
  checkSetting,
  display,
  isSettingKey,
  readSaved,
  resolveSetting,
  settingsPath,
  type SettingKey,
} from "../settings/settings.js";
import { settingsStore } from "../settings/store.js";

type Out = (text: string) => void;

function keyArg(key: string): SettingKey {
  if (!isSettingKey(key)) throw new UsageError(`unknown setting ${JSON.stringify(key)} (settings: ${SETTING_KEYS.join(", ")})`);
  return key;
}

async function readSecret(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) return line.trim();
  return "";
}

export async function configCommand(
  action: string,
  args: string[],
  json: boolean,
  out: Out,
  warn: Out = (text) => void process.stderr.write(text),
): Promise<ExitCode> {
  if (action === "path") {
    out(`${settingsPath()}\n`);
    return EXIT.ok;
  }
  readSaved(); // a broken file is reported by name before conf trips over it
  const store = settingsStore();
  switch (action) {
    case "list": {
      const saved = store.all();
      const rows = SETTING_KEYS.map((key) => {
        const r = resolveSetting(key, undefined, process.env, saved);
        return { key, value: display(key, r.value) || null, source: r.source, origin: r.origin ?? null };
      });
      if (json) out(`${JSON.stringify(rows)}\n`);
      else {
        for (const r of rows) {
          const from = r.source === "env" ? `env ${r.origin}` : r.source;
          out(`${r.key.padEnd(12)} ${(r.value ?? "(not set)").padEnd(40)} ${from}\n`);
        }
      }
      return EXIT.ok;
    }
    case "get": {
      const key = keyArg(args[0] ?? "");
      const r = resolveSetting(key, undefined, process.env, store.all());
      if (r.value === undefined) return EXIT.runFailed;
      out(`${display(key, r.value)}\n`);
      return EXIT.ok;
    }
    case "set": {
      const key = keyArg(args[0] ?? "");
      // "-" reads the value from stdin, so a key need not sit in the shell's history.
      const raw = args[1] === "-" ? await readSecret() : args[1];
      if (raw === undefined) throw new UsageError(`usage: chat config set ${key} <value>  (${SETTINGS[key].describe})`);
      if (SETTINGS[key].secret && args[1] !== "-")
        warn(`chat: ${key} typed on the command line stays in the shell's history; next time use: chat config set ${key} -\n`);
      const value = checkSetting(key, raw, key);
      store.set(key, value);
      out(`${key} = ${display(key, value)}\n`);
      return EXIT.ok;
    }
    case "unset": {
      const key = keyArg(args[0] ?? "");
      store.unset(key);
      out(`${key} unset\n`);
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown config action ${JSON.stringify(action)} (use set, get, unset, list or path)`);
  }
}
