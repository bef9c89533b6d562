// The README's tables come from the modules that own the facts; this keeps them in step.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { EXIT_HELP } from "../../src/exit-codes.js";
import { COMMAND_HELP } from "../../src/interactive/command-registry.js";
import { KEY_HELP } from "../../src/interactive/commands.js";
import { STRATEGIES } from "../../src/strategies.js";
import { readmeTable } from "../helpers/readme-table.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const table = readmeTable;

it("the README lists every exit code as --help does", () => {
  for (const [code, text] of EXIT_HELP) {
    expect(readme).toContain(`| ${code} | ${text.replace("--timeout", "`--timeout`")} |`);
  }
});

// On a failure: `npx tsx scripts/readme-tables.ts` writes them.
it("the README's key and command tables are /help's, row for row and in order (the command registry's)", () => {
  expect(readme).toContain(table("key", KEY_HELP));
  expect(readme).toContain(table("command", COMMAND_HELP));
});

it("the README names every strategy", () => {
  for (const strategy of STRATEGIES) expect(readme).toContain(`\`${strategy}\``);
});

it("the README's settings table names every key and its environment variables", async () => {
  const { SETTINGS, SETTING_KEYS } = await import("../../src/settings/settings.js");
  for (const key of SETTING_KEYS) {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
    expect(row, key).toBeDefined();
    for (const name of SETTINGS[key].env) expect(row).toContain(`\`${name}\``);
  }
});
