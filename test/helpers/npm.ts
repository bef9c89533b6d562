// npm as the tests and benchmarks use it: from the cache when it can (CI ran `npm ci` just
// before), the registry otherwise, and nothing printed but errors.
import { execFileSync } from "node:child_process";

export const NPM_QUIET = ["--prefer-offline", "--no-audit", "--no-fund"];

/** Older releases than chat's own, as a project that has not upgraded has them. */
export const OLDER_LANGCHAIN = ["@langchain/langgraph@1.5.3", "@langchain/core@1.3.5"];

/** `npm install <packages>` into a project directory (its own node_modules), no install scripts. */
export function npmInstall(dir: string, packages: string[]): void {
  execFileSync("npm", ["install", ...NPM_QUIET, "--ignore-scripts", ...packages], { cwd: dir, stdio: "ignore" });
}

/** `@langchain/core@1.3.5` as a row or a test names it: `core 1.3.5`. */
export const named = (specs: string[]) => specs.map((spec) => spec.replace(/^@langchain\//, "").replace("@", " ")).join(", ");
