// A project with its own @langchain/langgraph: the API server must use that copy, as the graphs
// do. Module hooks could redirect the server's imports, but Node 20 sends every one of its ~700
// modules through the hooks' thread then (0.7 s more at every start). Instead the server package
// is copied once per project into a directory whose node_modules gives it the project's copy,
// and is then require()d from there with no hooks at all: Node's own lookup does the redirecting.
//
// The overlay's node_modules holds symlinks: every package the server would find from where it is
// installed (first found wins, as Node looks), except the shared ones, which point at the
// project's. A symlinked package loads from its real path, so everything past the server itself
// resolves exactly as before. Built under a temporary name and renamed: a half-built overlay is
// never used, and two chats starting at once each end up with a complete one.
import { createHash, randomBytes } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
} from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";

/** Where each package the server must share with the project comes from. */
export interface OverlayPlan {
  /** The server package's real directory (`…/@langchain/langgraph-api`). */
  server: string;
  /** Real directories by package name: the project's copies (@langchain/langgraph, its checkpoint package, core). */
  shared: Record<string, string>;
}

const SERVER = "@langchain/langgraph-api";
const LANGGRAPH = "@langchain/langgraph";
const CHECKPOINT = "@langchain/langgraph-checkpoint";
const CORE = "@langchain/core";
/** Old overlays (another chat version, a reinstalled project) go once nothing has used them this long. */
const UNUSED_MS = 30 * 24 * 3600 * 1000;

/** The node_modules directories Node searches from a package's directory, nearest first. */
export function lookupDirs(packageDir: string): string[] {
  const dirs: string[] = [];
  for (let dir = packageDir; ; dir = dirname(dir)) {
    if (basename(dir) !== "node_modules") {
      const candidate = join(dir, "node_modules");
      if (existsSync(candidate)) dirs.push(candidate);
    }
    if (dirname(dir) === dir) return dirs;
  }
}

/** Package names in a node_modules directory, scoped ones as `@scope/name`. */
function packagesIn(nodeModules: string): string[] {
  return readdirSync(nodeModules).flatMap((entry) => {
    if (entry.startsWith(".")) return [];
    if (!entry.startsWith("@")) return [entry];
    return readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`);
  });
}

interface Manifest {
  version?: string;
  peerDependencies?: Record<string, string>;
}

const manifest = (packageDir: string) => JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as Manifest;
const version = (packageDir: string) => manifest(packageDir).version ?? "";

/** Where a package resolves from a file (by node_modules lookup), as a real path; undefined if nowhere. */
export function packageDir(fromFile: string, name: string): string | undefined {
  for (let dir = dirname(fromFile); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Whether a version is in a caret range (`^1.1.48`); any other kind of range is not trusted. */
export function inCaretRange(given: string, range: string | undefined): boolean {
  const parse = (text: string) => /^(\d+)\.(\d+)\.(\d+)/.exec(text)?.slice(1).map(Number);
  const low = range?.startsWith("^") ? parse(range.slice(1)) : undefined;
  const have = parse(given);
  if (!low || !have || have[0] !== low[0]) return false;
  if (low[0] === 0 && have[1] !== low[1]) return false;
  return have[1]! > low[1]! || (have[1] === low[1] && have[2]! >= low[2]!);
}

/**
 * What the server must share with a project that has its own @langchain/langgraph; undefined when
 * the server (installed at `server`) would find that copy anyway, or the project has none. Its
 * checkpoint package and @langchain/core go with it: the ones that copy of langgraph loads. Core
 * only where it is in the server's own peer range; sharing it keeps one copy of core in the
 * process (the graphs' messages are the server's classes) and loading it once saves ~0.2 s.
 */
export function overlayPlan(projectFile: string, server: string): OverlayPlan | undefined {
  const own = packageDir(projectFile, LANGGRAPH);
  if (own === undefined || own === packageDir(join(server, "package.json"), LANGGRAPH)) return undefined;
  const shared: Record<string, string> = { [LANGGRAPH]: own };
  const checkpoint = packageDir(join(own, "package.json"), CHECKPOINT);
  if (checkpoint) shared[CHECKPOINT] = checkpoint;
  const core = packageDir(join(own, "package.json"), CORE);
  if (core && inCaretRange(version(core), manifest(server).peerDependencies?.[CORE])) shared[CORE] = core;
  return { server, shared };
}

/** When a node_modules directory last changed: npm and pnpm each rewrite a file there on every install. */
function stamp(nodeModules: string): number[] {
  return [nodeModules, join(nodeModules, ".package-lock.json"), join(nodeModules, ".modules.yaml")].map((file) => {
    try {
      return statSync(file).mtimeMs;
    } catch {
      return 0;
    }
  });
}

/** The overlay's name: anything that would change what it holds gives a new one. */
export function overlayKey(plan: OverlayPlan): string {
  const facts = {
    server: [plan.server, version(plan.server)],
    shared: Object.entries(plan.shared).map(([name, dir]) => [name, dir, version(dir)]),
    installs: [...lookupDirs(plan.server), ...Object.values(plan.shared).flatMap(lookupDirs)].map((dir) => [dir, stamp(dir)]),
  };
  return createHash("sha256").update(JSON.stringify(facts)).digest("hex").slice(0, 20);
}

function link(target: string, at: string): void {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, "junction");
}

function build(plan: OverlayPlan, into: string): void {
  const modules = join(into, "node_modules");
  const copy = join(modules, SERVER);
  // The server's own files, without its nested packages (they are linked like the rest).
  cpSync(plan.server, copy, { recursive: true, filter: (source) => source !== join(plan.server, "node_modules") });
  const placed = new Set([SERVER]);
  for (const [name, dir] of Object.entries(plan.shared)) {
    link(dir, join(modules, name));
    placed.add(name);
  }
  for (const nodeModules of lookupDirs(plan.server)) {
    for (const name of packagesIn(nodeModules)) {
      if (placed.has(name)) continue;
      placed.add(name);
      link(join(nodeModules, name), join(modules, name));
    }
  }
}

function removeUnused(root: string, keep: string): void {
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (entry === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > UNUSED_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another chat removed it first.
    }
  }
}

/** The server's entry file inside the plan's overlay under `root`, built there first if need be. */
export function serverOverlay(plan: OverlayPlan, root: string): string {
  const key = overlayKey(plan);
  const dir = join(root, key);
  if (!existsSync(dir)) {
    mkdirSync(root, { recursive: true });
    const building = join(root, `.${key}-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      build(plan, building);
      renameSync(building, dir);
    } catch (err) {
      rmSync(building, { recursive: true, force: true });
      // Built meanwhile by another chat: use theirs.
      if (!existsSync(dir)) throw err;
    }
    removeUnused(root, key);
  } else {
    // In use: kept from removeUnused (a running server may still load files from it).
    const now = new Date();
    utimesSync(dir, now, now);
  }
  return createRequire(join(dir, "node_modules", "overlay.js")).resolve(`${SERVER}/server`);
}
