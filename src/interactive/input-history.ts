// Input history, kept per deployment across sessions in the config directory (conf).
import Conf from "conf";
import { configDir } from "../settings/paths.js";

export interface InputHistory {
  load(): string[];
  /** Adds an entry and returns the whole list. */
  add(text: string): string[];
}

const MAX = 500;

export function fileHistory(deployment: string, cwd = configDir()): InputHistory {
  const store = new Conf<Record<string, string[]>>({
    projectName: "chat",
    configName: "input-history",
    cwd,
    accessPropertiesByDotNotation: false,
  });
  const load = () => {
    const value = store.get(deployment);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  };
  return {
    load,
    add(text) {
      const list = load().filter((t) => t !== text);
      list.push(text);
      const kept = list.slice(-MAX);
      try {
        store.set(deployment, kept);
      } catch {
        // history is a convenience: a read-only config dir must not break chatting
      }
      return kept;
    },
  };
}

export function memoryHistory(initial: string[] = []): InputHistory {
  let list = [...initial];
  return {
    load: () => [...list],
    add(text) {
      list = [...list.filter((t) => t !== text), text];
      return [...list];
    },
  };
}
