// Writing settings: conf, with mode 0600. Loaded only by `chat config` (reading needs no conf).
import Conf from "conf";
import { configDir } from "./paths.js";
import type { Saved, SettingKey } from "./settings.js";

export interface SettingsStore {
  readonly path: string;
  all(): Saved;
  set(key: SettingKey, value: string): void;
  unset(key: SettingKey): void;
}

export function settingsStore(cwd = configDir()): SettingsStore {
  const conf = new Conf<Saved>({ projectName: "chat", cwd, configFileMode: 0o600, accessPropertiesByDotNotation: false });
  return {
    path: conf.path,
    all: () => ({ ...conf.store }),
    set: (key, value) => conf.set(key, value),
    unset: (key) => conf.delete(key),
  };
}
