// Which deployment, assistant and strategy a command uses: flags, environment, saved settings.
import { UsageError } from "../errors.js";
import { readSaved, resolveSetting, type Saved } from "../settings/settings.js";
import type { Strategy } from "../strategies.js";
import { jsonObject, type RunOptions } from "../settings/run-options.js";

/** The values resolveSetting checked, as objects. */
function runOptions(config: string | undefined, context: string | undefined): RunOptions {
  return {
    ...(config !== undefined ? { configurable: jsonObject(config) } : {}),
    ...(context !== undefined ? { context: jsonObject(context) } : {}),
  };
}
import { projectAssistant, readProject, type Project } from "../deployment/project.js";

export interface TargetFlags {
  url?: string;
  local?: boolean;
  assistant?: string;
  strategy?: string;
  hold?: boolean;
  demoLatency?: string;
  config?: string;
  context?: string;
  project?: string;
}

export interface Target {
  /** Undefined: the built-in local deployment. */
  url?: string;
  apiKey?: string;
  assistant: string;
  /** Where the assistant was asked for ("--assistant", or the environment variable); a continued thread's own is used only when it was not. */
  assistantFrom?: string;
  strategy: Strategy;
  /** Hold new messages in the client while a run may still ask (until it is answered). */
  hold: boolean;
  demoLatencyMs: number;
  /** Sent with every run: `config.configurable` and `context`. */
  runOptions: RunOptions;
  /** Serve this project's graphs locally instead of the built-in ones. */
  project?: Project;
}

/** What threads are remembered under (--resume): the URL, the project's directory, or "local". */
export function deploymentName(target: Pick<Target, "url" | "project">): string {
  return target.url ?? (target.project ? `project ${target.project.dir}` : "local");
}

/** What a command that runs an agent uses: the deployment, and the assistant (a project with several graphs needs --assistant). */
export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv = process.env, saved?: Saved): Target {
  const store = saved ?? readSaved();
  const where = resolveDeployment(flags, env, store);
  const { project } = where;
  const asked = resolveSetting("assistant", flags.assistant, env, store);
  return {
    ...where,
    assistant: project ? projectAssistant(project, flags.assistant) : (asked.value ?? "agent"),
    assistantFrom: flags.assistant !== undefined ? "--assistant" : !project && asked.source === "env" ? asked.origin : undefined,
  };
}

/**
 * What a command that only reads a deployment uses (`chat threads`, `assistants`, `print --thread`,
 * `history`): no assistant, so a project with several graphs is read without choosing one.
 */
export function resolveDeployment(
  flags: TargetFlags,
  env: NodeJS.ProcessEnv = process.env,
  saved?: Saved,
): Omit<Target, "assistant" | "assistantFrom"> {
  if (flags.local && flags.url !== undefined) throw new UsageError("--local and --url cannot be used together");
  if (flags.project !== undefined && (flags.local || flags.url !== undefined))
    throw new UsageError(`--project cannot be used with ${flags.local ? "--local" : "--url"}`);
  const store = saved ?? readSaved();
  const get = (key: Parameters<typeof resolveSetting>[0], flag?: string) => resolveSetting(key, flag, env, store).value;
  // A project is served here: the saved url belongs to other deployments.
  const project = flags.project === undefined ? undefined : readProject(flags.project);
  return {
    url: flags.local || project ? undefined : get("url", flags.url),
    apiKey: project ? undefined : get("apiKey"),
    strategy: (get("strategy", flags.strategy) ?? "enqueue") as Strategy,
    hold: get("hold", flags.hold === undefined ? undefined : flags.hold ? "on" : "off") === "on",
    demoLatencyMs: Number(get("demoLatency", flags.demoLatency)),
    runOptions: runOptions(get("config", flags.config), get("context", flags.context)),
    project,
  };
}
