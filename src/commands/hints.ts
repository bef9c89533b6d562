// The commands chat prints for the user to run next (resume a thread, answer it): each one must
// work as printed, so it names the deployment and the program as the user reaches them.
import { accessSync, constants, realpathSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Target } from "./target.js";

/**
 * The command that comes back to this deployment, to be followed by `--thread <id>`: no
 * --assistant, since a thread continued without one uses the assistant it last ran.
 */
export function resumeCommand(target: Pick<Target, "url" | "project">): string {
  const { project } = target;
  const where = target.url ? ["--url", shellWord(target.url)] : project ? ["--project", shellWord(project.dir)] : ["--local"];
  return [commandName(), ...where].join(" ");
}

/** A word a POSIX shell reads back as it is: quoted when it holds anything but safe characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * "chat" when the `chat` the user's own shell finds first on its PATH is this program; else
 * "npx chat" (installed in a project, a global install whose bin is not on PATH, a clone).
 */
export function commandName(env: NodeJS.ProcessEnv = process.env, self = process.argv[1]): string {
  if (!self) return "npx chat";
  const first = userPath(env)
    .map((dir) => join(dir, "chat"))
    .find(runnable);
  return first !== undefined && real(first) === real(self) ? "chat" : "npx chat";
}

const NODE_BIN = /[\\/]node_modules[\\/]\.bin[\\/]?$/;
const NPM_GYP_BIN = /[\\/]node-gyp-bin[\\/]?$/;

/**
 * The PATH of the shell the user typed in, as far as it can be told from ours. npm (npx, npm exec,
 * npm run) puts its own directories in front (the one it found chat in, which may be a global bin
 * the shell lacks, and every node_modules/.bin up from the cwd) and ends them with its node-gyp-bin:
 * the PATH it was given comes after that. Other runners (pnpm, yarn, bunx) add node_modules/.bin ones.
 */
export function userPath(env: NodeJS.ProcessEnv): string[] {
  const dirs = (env.PATH ?? env.Path ?? "").split(delimiter);
  const npmAdded = env.npm_lifecycle_event === undefined ? -1 : dirs.findLastIndex((dir) => NPM_GYP_BIN.test(dir));
  return dirs.slice(npmAdded + 1).filter((dir) => dir !== "" && !NODE_BIN.test(dir));
}

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** What a shell runs when it finds the name there: an executable file. */
function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
