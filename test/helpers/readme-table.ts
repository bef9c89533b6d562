// A README table as the code has it: its header, then each row; a blank line ends it, so no row is
// left over. Shared by the docs test and scripts/readme-tables.ts, which writes them.
const cell = (text: string) => text.replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|");

export function readmeTable(first: string, rows: ReadonlyArray<readonly [string, string]>): string {
  const lines = rows.map(([name, text]) => `| ${cell(name)} | ${cell(text)} |`);
  return [`| ${first} | what it does |`, "|---|---|", ...lines, "", ""].join("\n");
}
