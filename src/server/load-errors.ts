// Why a project's graphs failed to load, when it is the user's to fix: a package a file imports
// that is not installed (Node's ESM and CommonJS loaders each word it their own way).
import { fileURLToPath } from "node:url";
import type { MissingPackage } from "./protocol.js";

/** The package a bare import names: `zod/v4` is `zod`, `@scope/pkg/sub` is `@scope/pkg`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

const isBare = (specifier: string) => !/^(\.|\/|[a-zA-Z]:[\\/]|file:|node:)/.test(specifier);
const asPath = (where: string) => (where.startsWith("file:") ? fileURLToPath(where) : where);

/** The package a file imports that cannot be found, or undefined when the error is another. */
export function missingPackage(err: unknown): MissingPackage | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ERR_MODULE_NOT_FOUND") {
    // import: "Cannot find package 'zod' imported from /abs/graph.ts"
    const found = /^Cannot find package '([^']+)' imported from (.+)$/m.exec(err.message);
    if (found?.[1] && found[2]) return { name: packageOf(found[1]), importer: asPath(found[2].trim()) };
  }
  if (code === "MODULE_NOT_FOUND") {
    // require(): "Cannot find module 'zod'", the requiring file first in its requireStack.
    const found = /^Cannot find module '([^']+)'/.exec(err.message);
    const importer = (err as { requireStack?: unknown }).requireStack;
    const first = Array.isArray(importer) && typeof importer[0] === "string" ? importer[0] : undefined;
    if (found?.[1] && isBare(found[1]) && first) return { name: packageOf(found[1]), importer: asPath(first) };
  }
  return undefined;
}
