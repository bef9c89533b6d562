// A user's LangGraph project (`--project`): its langgraph.json read the way `langgraph dev` reads
// it, so the same graphs and environment can be served by our local deployment instead.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseEnv } from "node:util";
import { UsageError } from "../errors.js";
import type { MissingPackage } from "../server/protocol.js";

export interface Project {
  /** The langgraph.json, absolute. */
  readonly configFile: string;
  /** Its directory: graph paths and an env file are relative to it. */
  readonly dir: string;
  /** Graph id -> "/abs/file.ts:export", as the API server takes them. */
  readonly graphs: Record<string, string>;
  /** The first graph's file: packages its graphs import resolve from here. */
  readonly firstFile: string;
  /** From `env` (a file or an object); the caller's own environment wins, as with `langgraph dev`. */
  readonly env: Record<string, string>;
  /** Things worth one line on stderr that do not stop us (a missing env file). */
  readonly warnings: string[];
}

const PYTHON = [".py", ".pyx", ".pyd", ".pyi"];
const PYTHON_LINE = "serve them with the Python `langgraph dev` and use --url";

/** A directory means its langgraph.json; a file must be a langgraph.json (or another .json). */
function configFileOf(given: string): string {
  const path = resolve(given);
  if (!existsSync(path)) throw new UsageError(`--project: ${given} does not exist`);
  const file = statSync(path).isDirectory() ? join(path, "langgraph.json") : path;
  if (!existsSync(file)) throw new UsageError(`--project: no langgraph.json in ${path}`);
  if (extname(file) !== ".json") throw new UsageError(`--project takes a directory or its langgraph.json, not ${given}`);
  // One project, one key (its data dir), however it is reached: through a symlink or not.
  return realpathSync(file);
}

function parseConfig(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new UsageError(`${file} must hold a JSON object with a "graphs" map`);
  return parsed as Record<string, unknown>;
}

/** The graphs map, checked: each value a "./file:export" string whose file exists. [id, spec, file] each. */
function readGraphs(config: Record<string, unknown>, file: string, dir: string): Array<[string, string, string]> {
  const graphs = config.graphs;
  if (typeof graphs !== "object" || graphs === null || Array.isArray(graphs) || Object.keys(graphs).length === 0)
    throw new UsageError(`${file} has no "graphs" map (graph id -> "./path/to/file.ts:export")`);
  const entries = Object.entries(graphs as Record<string, unknown>);
  const bad = entries.find(([, spec]) => typeof spec !== "string" || spec.trim() === "");
  if (bad) throw new UsageError(`${file}: graph ${JSON.stringify(bad[0])} must be a "./path/to/file.ts:export" string`);
  const specs = entries as Array<[string, string]>;
  const python = specs.filter(([, spec]) => PYTHON.includes(extname(spec.split(":")[0] ?? "")));
  if (python.length || "python_version" in config || "pip_config_file" in config)
    throw new UsageError(
      `${file}: Python graphs${python.length ? ` (${python.map(([id]) => id).join(", ")})` : ""} are not served by chat: ${PYTHON_LINE}`,
    );
  return specs.map(([id, spec]) => {
    // "file:export", or just "file" for its default export (as the API server allows).
    const cut = spec.lastIndexOf(":");
    const [path, name] = cut > 0 ? [spec.slice(0, cut), spec.slice(cut + 1)] : [spec, ""];
    const absolute = resolve(dir, path);
    if (!existsSync(absolute)) throw new UsageError(`${file}: graph ${JSON.stringify(id)}: ${path} not found`);
    return [id, name ? `${absolute}:${name}` : absolute, absolute];
  });
}

/** `env`: a dotenv file relative to the project (missing: a warning, as `langgraph dev` does) or an object. */
function readEnv(config: Record<string, unknown>, file: string, dir: string, warnings: string[]): Record<string, string> {
  const env = config.env;
  if (env === undefined) return {};
  if (typeof env === "string") {
    const path = resolve(dir, env);
    if (!existsSync(path)) {
      warnings.push(`env file ${env} not found in ${dir}; continuing without it`);
      return {};
    }
    return parseEnv(readFileSync(path, "utf8")) as Record<string, string>;
  }
  if (typeof env === "object" && env !== null && !Array.isArray(env)) {
    const entries = Object.entries(env as Record<string, unknown>);
    if (entries.every(([, v]) => typeof v === "string")) return Object.fromEntries(entries) as Record<string, string>;
  }
  throw new UsageError(`${file}: "env" must be a path to a .env file or an object of strings`);
}

/** Reads and checks a project; every problem a user can fix is one UsageError line (exit 2). */
export function readProject(given: string): Project {
  const configFile = configFileOf(given);
  const dir = dirname(configFile);
  const config = parseConfig(configFile);
  const warnings: string[] = [];
  const graphs = readGraphs(config, configFile, dir);
  const env = readEnv(config, configFile, dir, warnings);
  if ("auth" in config) warnings.push(`${configFile}: its "auth" is not used: chat's deployment checks its own key instead`);
  const firstFile = graphs[0]?.[2] ?? configFile;
  return { configFile, dir, graphs: Object.fromEntries(graphs.map(([id, spec]) => [id, spec])), firstFile, env, warnings };
}

/** The assistant to talk to: the one asked for, or the project's only graph. */
export function projectAssistant(project: Project, asked: string | undefined): string {
  if (asked !== undefined) return asked;
  const ids = Object.keys(project.graphs);
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  throw new UsageError(`${basename(project.dir)} has ${ids.length} graphs: choose one with --assistant (${ids.join(", ")})`);
}

/** Each project keeps its own threads, found again by its absolute path. */
export function projectKey(project: Project): string {
  return createHash("sha256").update(project.dir).digest("hex").slice(0, 16);
}

/**
 * A package a project's file imports that is not installed: one line naming both, and the npm
 * command that installs it (`npm install` when its package.json lists it, else `npm install <name>`).
 */
export function missingPackageError(project: Project, missing: MissingPackage): UsageError {
  const listed = listedDependencies(join(project.dir, "package.json"));
  const install = listed.has(missing.name) ? "npm install" : `npm install ${missing.name}`;
  return new UsageError(`${missing.importer} imports ${missing.name}, which is not installed: run ${install} in ${project.dir}`);
}

function listedDependencies(file: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const fields = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];
    return new Set(fields.flatMap((field) => Object.keys((manifest[field] as object | null | undefined) ?? {})));
  } catch {
    return new Set();
  }
}
