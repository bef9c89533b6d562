// `chat serve`: the built-in local deployment in the foreground, for any LangGraph client.
import { startLocalDeployment } from "../deployment/local.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { onInterrupt } from "../signals.js";

export async function serveCommand(flags: {
  port: number;
  host: string;
  demoLatency?: number;
  reset?: boolean;
}): Promise<ExitCode> {
  const local = await startLocalDeployment({
    port: flags.port,
    host: flags.host,
    latencyMs: flags.demoLatency,
    reset: flags.reset === true,
  });
  onInterrupt(() => local.stop());
  process.stdout.write(
    `LangGraph API server (demo assistant "agent") listening on ${local.url}\n` +
      `  data: ${local.dataDir}${flags.reset ? " (reset: empty)" : ""}\n  log:  ${local.logFile}\nPress Ctrl+C to stop.\n`,
  );
  const code = await local.exited;
  process.stderr.write(`chat: the local deployment exited unexpectedly (code ${code}); see ${local.logFile}\n`);
  return EXIT.runFailed;
}
