// `chat serve`: the built-in local deployment (or a --project's graphs) in the foreground,
// usable by any LangGraph client that has its key.
import { deploymentDataDir, startLocalDeployment } from "../deployment/local.js";
import { readProject } from "../deployment/project.js";
import { keptKey, keepKey, checkedOrigin } from "../deployment/serve-key.js";
import { UsageError } from "../errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { onInterrupt } from "../signals.js";

export interface ServeFlags {
  port: number;
  host: string;
  demoLatency?: number;
  reset?: boolean;
  project?: string;
  newKey?: boolean;
  allowOrigin?: string[];
  open?: boolean;
}

export async function serveCommand(flags: ServeFlags): Promise<ExitCode> {
  if (flags.open && flags.newKey) throw new UsageError("--open and --new-key cannot be used together (--open takes no key)");
  const allowOrigins = (flags.allowOrigin ?? []).map(checkedOrigin);
  const project = flags.project === undefined ? undefined : readProject(flags.project);
  for (const warning of project?.warnings ?? []) process.stderr.write(`chat: ${warning}\n`);
  const kept = flags.open ? null : keptKey(deploymentDataDir(project), flags.newKey === true);
  const local = await startLocalDeployment({
    port: flags.port,
    host: flags.host,
    latencyMs: flags.demoLatency,
    reset: flags.reset === true,
    project,
    key: kept && kept.key,
    allowOrigins,
  });
  onInterrupt(() => local.stop());
  // Only now, with the data dir ours: a second serve refused at the lock must not replace the key.
  if (kept?.fresh) keepKey(local.dataDir, kept.key);
  if (flags.open)
    process.stderr.write(`chat: --open: no key; anyone who can reach ${local.url} can read its threads and run its agents\n`);
  const serving = project
    ? `graphs ${Object.keys(project.graphs).join(", ")} of ${project.configFile}`
    : 'demo assistant "agent"';
  process.stdout.write(
    `LangGraph API server (${serving}) listening on ${local.url}\n` +
      (local.key === null ? "" : `  key:  ${local.key}\n`) +
      (allowOrigins.length ? `  origins allowed: ${allowOrigins.join(", ")}\n` : "") +
      `  data: ${local.dataDir}${flags.reset ? " (reset: empty)" : ""}\n  log:  ${local.logFile}\nPress Ctrl+C to stop.\n`,
  );
  // Only an exit nobody asked for: Ctrl+C stops it too, and that is no surprise.
  const how = await local.crashed;
  process.stderr.write(`chat: the local deployment exited unexpectedly (${how}); see ${local.logFile}\n`);
  return EXIT.runFailed;
}
