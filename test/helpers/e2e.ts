// The set-up every end-to-end file shares: a temp home for chat (its settings, data and local
// deployment), an environment that points chat there and nowhere else, and, if asked, the real
// local server. Made in beforeAll; stopped, killed and removed in afterAll, also after a failure.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { LocalOptions } from "../../src/deployment/local.js";
import { hermetic, runCli, type CliResult } from "./cli.js";
import { startTestServer, type TestServer } from "./local-server.js";
import { killServersUnder } from "./processes.js";
import { startInPty, type Screen } from "./pty.js";

type Pty = Parameters<typeof startInPty>[0];
type CliOptions = NonNullable<Parameters<typeof runCli>[1]>;

export interface E2e {
  /** chat's config dir for this file (CHAT_CONFIG_DIR); there once beforeAll has run. */
  readonly home: string;
  /** What chat's environment adds to the hermetic one: this home, the file's defaults, then `extra`. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** The whole environment for a chat started by hand (spawn): hermetic, no colour, env(extra). */
  spawnEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** The built CLI with this home (runCli); `options.env` adds to env(). */
  cli(args: string[], options?: CliOptions): Promise<CliResult>;
  /** The built CLI in a pseudo-terminal with this home and no colour; killed after each test. */
  terminal(pty: Pty, extra?: NodeJS.ProcessEnv, cols?: number, rows?: number, args?: string[]): Screen;
}

export interface E2eWithServer extends E2e {
  /** The real local server started for this file. */
  readonly server: TestServer;
  /** Its URL, for --url. */
  readonly url: string;
}

export interface E2eOptions {
  /** Variables every chat in the file gets (e.g. CHAT_DEMO_LATENCY_MS). */
  env?: NodeJS.ProcessEnv;
  /** Start the real local server with these options for the file. */
  server?: LocalOptions;
}

/** Call at the top of a test file (or a describe): registers the hooks that make and clear it all. */
export function e2eSetup(options: E2eOptions & { server: LocalOptions }): E2eWithServer;
export function e2eSetup(options?: E2eOptions): E2e;
export function e2eSetup(options: E2eOptions = {}): E2e | E2eWithServer {
  let home: string | undefined;
  let server: TestServer | undefined;
  const screens: Screen[] = [];

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "chat-e2e-"));
    if (options.server) server = await startTestServer(options.server);
  });
  afterEach(() => {
    for (const screen of screens.splice(0)) screen.kill();
  });
  afterAll(async () => {
    try {
      await server?.stop();
    } finally {
      // A test that failed half-way may leave a chat's own local deployment running in its home.
      if (home !== undefined) {
        killServersUnder(home);
        rmSync(home, { recursive: true, force: true });
      }
    }
  });

  const made = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the e2e ${what} is made in beforeAll: use it inside a test`);
    return value;
  };
  const env = (extra: NodeJS.ProcessEnv = {}) => ({ CHAT_CONFIG_DIR: made(home, "home"), ...options.env, ...extra });
  const started = () => {
    if (!options.server) throw new Error("this file's e2eSetup() started no server");
    return made(server, "server");
  };
  return {
    get home() {
      return made(home, "home");
    },
    get server() {
      return started();
    },
    get url() {
      return started().deployment.url;
    },
    env,
    spawnEnv: (extra) => ({ ...hermetic(process.env), NO_COLOR: "1", ...env(extra) }),
    cli: (args, cliOptions = {}) => runCli(args, { ...cliOptions, env: env(cliOptions.env) }),
    terminal: (pty, extra = {}, cols, rows, args) => {
      const screen = startInPty(pty, env({ NO_COLOR: "1", ...extra }), cols, rows, args, hermetic(process.env));
      screens.push(screen);
      return screen;
    },
  };
}
