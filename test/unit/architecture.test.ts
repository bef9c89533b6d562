// docs/ARCHITECTURE.md against the tree: every module named in its folder's part of the map,
// folders importing each other without a cycle, and the server child's code loading only its own.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const sources = (readdirSync(join(root, "src"), { recursive: true }) as string[])
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => file.split("\\").join("/"));

/** The module map: the first code block, cut into parts at each line that starts with a path. */
function mapParts(): Map<string, string> {
  const doc = readFileSync(join(root, "docs/ARCHITECTURE.md"), "utf8");
  const block = doc.split("```")[1] ?? "";
  const parts = new Map<string, string>();
  let head = "";
  for (const line of block.split("\n")) {
    if (/^\S/.test(line)) head = line.split(/\s/)[0] ?? "";
    parts.set(head, `${parts.get(head) ?? ""}${line}\n`);
  }
  return parts;
}

/** A module's folder under src/ ("" for src/ itself): the part of the map that must name it. */
const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.indexOf("/")) : "");

it("docs/ARCHITECTURE.md names every module in src/, in its folder's part of the map", () => {
  const parts = mapParts();
  const unnamed = sources.filter((file) => {
    const folder = folderOf(file);
    const part = folder ? parts.get(`src/${folder}/`) : parts.get(`src/${file}`);
    const name = posix.basename(file).replace(/[.]/g, "\\.");
    return !part || !new RegExp(`(?<![\\w.-])${name}(?![\\w])`).test(part);
  });
  expect(unnamed).toEqual([]);
});

/** Folder -> the folders its modules import (relative imports only; a file of src/ is its own "folder"). */
function folderImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const nodeOf = (file: string) => folderOf(file) || file;
  for (const file of sources) {
    const text = readFileSync(join(root, "src", file), "utf8");
    for (const [, spec] of text.matchAll(/(?:from|import\(?)\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = relative(join(root, "src"), join(root, "src", dirname(file), spec ?? ""))
        .split("\\")
        .join("/")
        .replace(/\.js$/, ".ts");
      const [from, to] = [nodeOf(file), nodeOf(target)];
      if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

it("folders import each other without a cycle", () => {
  const edges = folderImports();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    if (path.includes(node)) return void cycles.push([...path.slice(path.indexOf(node)), node].join(" -> "));
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
  };
  for (const node of edges.keys()) visit(node, []);
  expect(cycles).toEqual([]);
});

it("the server child's modules (src/server/) import nothing from the rest of src/", () => {
  expect([...(folderImports().get("server") ?? [])]).toEqual([]);
});

it("the engine imports no face, nor what the faces share (src/faces/: how statuses look)", () => {
  const faces = ["faces", "scripted", "interactive", "demo", "commands"];
  expect([...(folderImports().get("engine") ?? [])].filter((to) => faces.includes(to))).toEqual([]);
});
