// Bundles the CLI into dist/bundle/ with esbuild: one file to load at start instead of hundreds,
// split at the dynamic imports so scripted runs never load Ink or React. What runs in the server
// child (src/server/: the child itself, the built-in graphs) stays as tsc builds it (dist/server/),
// forked or loaded by path in the server process only.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(new URL("../dist/bundle", import.meta.url), { recursive: true, force: true });

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
  // Smaller to parse at every start; React's production build (the development one is 3× larger).
  minify: true,
  define: { "process.env.NODE_ENV": '"production"' },
  // Only the server process needs these (it loads @langchain/core from node_modules); node-pty is
  // a test tool. The SDK's own use of @langchain/core is bundled, so start-up reads one file.
  external: ["@langchain/langgraph-api", "@langchain/langgraph", "node-pty"],
  // Ink imports React DevTools only when DEV=true; keep that optional package out of the bundle.
  // The SDK's message classes are for stream helpers chat does not use (see the stub).
  alias: {
    "react-devtools-core": "./scripts/empty-module.js",
    "@langchain/core/messages": "./scripts/core-messages-stub.js",
    // One string-width for Ink, wrap-ansi (which pins an older major with emoji-regex) and chat,
    // loaded only when text needs it (see the module).
    "string-width": "./scripts/string-width-fast.ts",
  },
  // Some CommonJS dependencies call require(); give the ESM chunks one.
  banner: { js: "import { createRequire as __chatRequire } from 'node:module'; const require = __chatRequire(import.meta.url);" },
  logLevel: "warning",
});
