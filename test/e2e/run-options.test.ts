// --config and --context reach every run (answers and double-texts too), as flags, @files or
// settings; bad JSON is one line and exit 2 before anything is started.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { startTestServer, type TestServer } from "../helpers/local-server.js";

const GRAPH = `${fileURLToPath(new URL("../fixtures/config-graph.mjs", import.meta.url))}:graph`;
let server: TestServer;
let home: string;
const env = (extra: NodeJS.ProcessEnv = {}) => ({ CHAT_CONFIG_DIR: home, ...extra });

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "chat-run-options-"));
  server = await startTestServer({ graphs: { configured: GRAPH } });
});
afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

const answers = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("user "));

it("every run of a double-text gets the config and the context, from flags and from @file", async () => {
  const file = join(home, "context.json");
  writeFileSync(file, '{"tone": "brief"}');
  const args = ["--url", server.deployment.url, "--assistant", "configured", "--strategy", "enqueue"];
  const r = await runCli([...args, "--config", '{"user_id": "u1"}', "--context", `@${file}`, "-m", "one", "-m", "two"], {
    env: env(),
  });
  expect(r.code, r.stderr).toBe(0);
  expect(answers(r.stdout)).toEqual(["user u1, tone brief: one", "user u1, tone brief: two"]);
});

it("saved settings and the environment give them too; a flag wins", async () => {
  const set = await runCli(["config", "set", "config", '{"user_id": "saved"}'], { env: env() });
  expect(set.code).toBe(0);
  const args = ["--url", server.deployment.url, "--assistant", "configured", "-m", "hi"];
  const saved = await runCli(args, { env: env({ CHAT_RUN_CONTEXT: '{"tone": "warm"}' }) });
  expect(answers(saved.stdout)).toEqual(["user saved, tone warm: hi"]);
  const flag = await runCli([...args, "--config", '{"user_id": "flag"}'], { env: env() });
  expect(answers(flag.stdout)).toEqual(["user flag, tone (none): hi"]);
  await runCli(["config", "unset", "config"], { env: env() });
});

it.each([
  [["--config", "{user_id: 1}"], /^chat: --config: not valid JSON: "\{user_id: 1\}" \(give a JSON object, or @file\)$/],
  [["--context", "[1, 2]"], /^chat: --context: must be a JSON object, not an array$/],
  [["--config", "@/nonexistent/config.json"], /^chat: --config: cannot read \/nonexistent\/config.json: ENOENT$/],
])("bad %j is one line and exit 2", async (flags, message) => {
  const r = await runCli([...flags, "-m", "hi"], { env: env() });
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toMatch(message);
});
