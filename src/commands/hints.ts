// The commands chat prints for the user to run next (resume a thread, answer it): each one must
// work as printed, so it names the deployment and the program as the user reaches them.
import { realpathSync } from "node:fs";
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
 * "chat" when that name on the user's own PATH is this program; else "npx chat" (installed in a
 * project, not globally). A `node_modules/.bin` on PATH is npx's or npm run's, not the user's shell's.
 */
export function commandName(env: NodeJS.ProcessEnv = process.env, self = process.argv[1]): string {
  if (!self) return "npx chat";
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  };
  const me = real(self);
  const own = (dir: string) => dir !== "" && !/[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir);
  const onPath = (env.PATH ?? "").split(delimiter).some((dir) => own(dir) && real(join(dir, "chat")) === me);
  return onPath ? "chat" : "npx chat";
}
