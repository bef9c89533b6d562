// Where chat keeps its files: the config directory (conf's standard per-user location, or
// CHAT_CONFIG_DIR), the local deployment's data and its log.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The same directory conf (env-paths, suffix "nodejs") uses for the project "chat". */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHAT_CONFIG_DIR) return resolve(env.CHAT_CONFIG_DIR);
  const home = homedir();
  if (process.platform === "darwin") return join(home, "Library", "Preferences", "chat-nodejs");
  if (process.platform === "win32") {
    return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "chat-nodejs", "Config");
  }
  return join(env.XDG_CONFIG_HOME ?? join(home, ".config"), "chat-nodejs");
}

export const localDataDir = (env?: NodeJS.ProcessEnv) => join(configDir(env), "local-deployment");
export const serverLogFile = (env?: NodeJS.ProcessEnv) => join(configDir(env), "logs", "server.log");
/** A --project's deployment: its own data (threads survive restarts) and log, by the project's key. */
export const projectDataDir = (key: string, env?: NodeJS.ProcessEnv) => join(configDir(env), "projects", key);
export const projectLogFile = (key: string, env?: NodeJS.ProcessEnv) => join(configDir(env), "logs", `project-${key}.log`);

/** Copies of the API server that use a project's own @langchain/langgraph (server/overlay.ts). */
export const serverOverlaysDir = (env?: NodeJS.ProcessEnv) => join(configDir(env), "server-overlays");

/** The package root, found from this file whether it runs from src/ (tests) or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** Built files the server child loads: compiled JS, since a .ts graph would need tsx. */
export const builtFile = (relative: string) => join(packageRoot(), "dist", relative);
