// Input history, kept per deployment across sessions in the config directory.
import { readKeyed, writeKeyed } from "../settings/keyed-file.js";
import { configDir } from "../settings/paths.js";

export interface InputHistory {
  load(): string[];
  /** Adds an entry and returns the whole list. */
  add(text: string): string[];
}

const MAX = 500;
const FILE = "input-history";

/** History is a convenience: a read-only or damaged config directory must not break chatting. */
export function fileHistory(deployment: string, dir = configDir()): InputHistory {
  const load = () => {
    const value = readKeyed(dir, FILE, deployment);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  };
  return {
    load,
    add(text) {
      const kept = [...load().filter((t) => t !== text), text].slice(-MAX);
      writeKeyed(dir, FILE, deployment, kept);
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
