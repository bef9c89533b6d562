// The dependency tree stays on maintained releases and installs cleanly on every Node we test.
import { readFileSync } from "node:fs";
import semver from "semver";
import { expect, it } from "vitest";

interface Locked {
  version?: string;
  deprecated?: string;
  optional?: boolean;
  engines?: { node?: string };
}
const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as {
  packages: Record<string, Locked>;
};
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { engines: { node: string } };
const installed = Object.entries(lock.packages).filter(([path]) => path !== "");
const nameOf = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
/** The lowest x.y.0 of a Node major line that our `engines` admits. */
const lowest = (major: number) =>
  Array.from({ length: 60 }, (_, minor) => `${major}.${minor}.0`).find((v) => semver.satisfies(v, pkg.engines.node));
const NODES = [20, 22, 24].map(lowest);

it("package-lock.json holds no package marked deprecated on the registry", () => {
  const deprecated = installed
    .filter(([, p]) => p.deprecated)
    .map(([path, p]) => `${nameOf(path)}@${p.version}: ${p.deprecated}`);
  expect(deprecated).toEqual([]);
});

it("every locked package's engines admit each Node line that package.json's engines allow", () => {
  expect(NODES.every(Boolean)).toBe(true);
  expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  const misfits: string[] = [];
  for (const [path, p] of installed) {
    // Optional packages (platform builds, wasm fallbacks) are skipped by npm where they do not fit.
    if (!p.engines?.node || p.optional) continue;
    for (const node of NODES) {
      if (!semver.satisfies(node!, p.engines.node))
        misfits.push(`${nameOf(path)}@${p.version} wants node ${p.engines.node}, not ${node}`);
    }
  }
  expect(misfits).toEqual([]);
});
