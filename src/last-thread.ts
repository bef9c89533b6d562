// The last thread used per deployment and assistant, for --resume (conf, next to the settings).
import Conf from "conf";
import { configDir } from "./paths.js";

export interface LastThreads {
  get(deployment: string, assistant: string): string | undefined;
  set(deployment: string, assistant: string, threadId: string): void;
}

export function lastThreads(cwd = configDir()): LastThreads {
  const conf = new Conf<Record<string, string>>({
    projectName: "chat",
    configName: "last-threads",
    cwd,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
  });
  const key = (deployment: string, assistant: string) => `${deployment} ${assistant}`;
  return {
    get: (deployment, assistant) => {
      const value = conf.get(key(deployment, assistant));
      return typeof value === "string" ? value : undefined;
    },
    set: (deployment, assistant, threadId) => {
      try {
        conf.set(key(deployment, assistant), threadId);
      } catch {
        // remembering is a convenience; a read-only config dir must not stop a chat
      }
    },
  };
}
