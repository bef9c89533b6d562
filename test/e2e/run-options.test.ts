// --config and --context reach every run (answers and double-texts too), as flags, @files or
// settings; bad JSON is one line and exit 2 before anything is started.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { e2eSetup } from "../helpers/e2e.js";

const GRAPH = `${fileURLToPath(new URL("../fixtures/config-graph.mjs", import.meta.url))}:graph`;
const e2e = e2eSetup({ server: { graphs: { configured: GRAPH } } });

const answers = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("user "));

it("every run of a double-text gets the config and the context, from flags and from @file", async () => {
  const file = join(e2e.home, "context.json");
  writeFileSync(file, '{"tone": "brief"}');
  const args = ["--url", e2e.url, "--assistant", "configured", "--strategy", "enqueue"];
  const r = await e2e.cli([...args, "--config", '{"user_id": "u1"}', "--context", `@${file}`, "-m", "one", "-m", "two"]);
  expect(r.code, r.stderr).toBe(0);
  expect(answers(r.stdout)).toEqual(["user u1, tone brief: one", "user u1, tone brief: two"]);
});

it("saved settings and the environment give them too; a flag wins", async () => {
  const set = await e2e.cli(["config", "set", "config", '{"user_id": "saved"}']);
  expect(set.code).toBe(0);
  const args = ["--url", e2e.url, "--assistant", "configured", "-m", "hi"];
  const saved = await e2e.cli(args, { env: { CHAT_RUN_CONTEXT: '{"tone": "warm"}' } });
  expect(answers(saved.stdout)).toEqual(["user saved, tone warm: hi"]);
  const flag = await e2e.cli([...args, "--config", '{"user_id": "flag"}']);
  expect(answers(flag.stdout)).toEqual(["user flag, tone (none): hi"]);
  await e2e.cli(["config", "unset", "config"]);
});

it.each([
  [["--config", "{user_id: 1}"], /^chat: --config: not valid JSON: "\{user_id: 1\}" \(give a JSON object, or @file\)$/],
  [["--context", "[1, 2]"], /^chat: --context: must be a JSON object, not an array$/],
  [["--config", "@/nonexistent/config.json"], /^chat: --config: cannot read \/nonexistent\/config.json: ENOENT$/],
])("bad %j is one line and exit 2", async (flags, message) => {
  const r = await e2e.cli([...flags, "-m", "hi"]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toMatch(message);
});
