// `prepare`: builds after `npm install`, `npm ci` and `npm pack`. `npx chat` in a clone runs it
// too: npm exec installs the clone into its npx cache to run the clone's own bin, and runs
// `prepare` for it. The clone was built by its `npm install` already, so under npm exec a built
// clone is left as it is: rebuilding there cost seconds at the first `npx chat`, and rewrote
// dist/ under whatever was running from it. A clone never built is built either way.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const built = existsSync(new URL("../dist/bundle/cli.js", import.meta.url));
if (process.env.npm_command === "exec" && built) process.exit(0);
const npm = process.env.npm_execpath;
const result = npm
  ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
  : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
process.exit(result.status ?? 1);
