// Bundles the CLI into dist/bundle/ with esbuild: one file to load at start instead of hundreds,
// split at the dynamic imports so scripted runs never load Ink or React. The server child and
// the demo graph stay as tsc builds them (dist/deployment/), loaded by the server process only.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ["src/cli.ts"],
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  // Only the server process needs these; node-pty is a test tool.
  external: ["@langchain/langgraph-api", "@langchain/langgraph", "@langchain/core", "node-pty"],
  // Ink imports React DevTools only when DEV=true; keep that optional package out of the bundle.
  alias: { "react-devtools-core": "./scripts/empty-module.js" },
  // Some CommonJS dependencies call require(); give the ESM chunks one.
  banner: { js: "import { createRequire as __chatRequire } from 'node:module'; const require = __chatRequire(import.meta.url);" },
  logLevel: "warning",
});
