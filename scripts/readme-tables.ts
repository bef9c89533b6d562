// Writes the README's key and command tables from the code that owns them (KEY_HELP, the command
// registry), as test/unit/docs.test.ts checks them: `npx tsx scripts/readme-tables.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import { COMMAND_HELP } from "../src/interactive/command-registry.js";
import { KEY_HELP } from "../src/interactive/commands.js";
import { readmeTable } from "../test/helpers/readme-table.js";

const file = new URL("../README.md", import.meta.url);
let readme = readFileSync(file, "utf8");
for (const [first, rows] of [
  ["key", KEY_HELP],
  ["command", COMMAND_HELP],
] as const) {
  const start = readme.indexOf(`| ${first} | what it does |\n`);
  const end = readme.indexOf("\n\n", start);
  if (start < 0 || end < 0) throw new Error(`README.md has no "${first}" table`);
  readme = readme.slice(0, start) + readmeTable(first, rows) + readme.slice(end + 2);
}
writeFileSync(file, readme);
