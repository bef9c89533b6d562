// `chat serve`: the built-in local deployment (or a --project's graphs) in the foreground,
// usable by any LangGraph client.
import { startLocalDeployment } from "../deployment/local.js";
import { readProject } from "../deployment/project.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { onInterrupt } from "../signals.js";

export async function serveCommand(flags: {
  port: number;
  host: string;
  demoLatency?: number;
  reset?: boolean;
  project?: string;
}): Promise<ExitCode> {
  const project = flags.project === undefined ? undefined : readProject(flags.project);
  for (const warning of project?.warnings ?? []) process.stderr.write(`chat: ${warning}\n`);
  const local = await startLocalDeployment({
    port: flags.port,
    host: flags.host,
    latencyMs: flags.demoLatency,
    reset: flags.reset === true,
    project,
  });
  onInterrupt(() => local.stop());
  const serving = project
    ? `graphs ${Object.keys(project.graphs).join(", ")} of ${project.configFile}`
    : 'demo assistant "agent"';
  process.stdout.write(
    `LangGraph API server (${serving}) listening on ${local.url}\n` +
      `  data: ${local.dataDir}${flags.reset ? " (reset: empty)" : ""}\n  log:  ${local.logFile}\nPress Ctrl+C to stop.\n`,
  );
  // Only an exit nobody asked for: Ctrl+C stops it too, and that is no surprise.
  const how = await local.crashed;
  process.stderr.write(`chat: the local deployment exited unexpectedly (${how}); see ${local.logFile}\n`);
  return EXIT.runFailed;
}
