// Bundles the CLI (cli/heavytail.ts and everything it imports) into build/heavytail.mjs and the
// chunks it loads to run a command, so `heavytail` starts without transpiling TypeScript on every
// run and installs with no dependencies (package.json "bin"; `npm ci` runs this through "prepare").
// The worker threads' entry (cli/layer-worker.ts) is a second entry point,
// build/heavytail-layer-worker.mjs, sharing those chunks; cli/layer-worker-url.ts finds it beside
// them. The WASM kernels stay in build/ too, where cli/load-wasm-module.ts looks for them.
import { build } from "esbuild";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const cliOutputPath = join(root, "build", "heavytail.mjs");

mkdirSync(join(root, "build"), { recursive: true });
// chunk names carry content hashes: drop the last build's so build/ holds one CLI
for (const name of readdirSync(join(root, "build"), { withFileTypes: false }).filter((n) => /^heavytail.*\.mjs$/.test(n))) rmSync(join(root, "build", name));

await build({
  entryPoints: { heavytail: join(root, "cli", "heavytail.ts"), "heavytail-layer-worker": join(root, "cli", "layer-worker.ts") },
  outdir: join(root, "build"),
  entryNames: "[name]",
  chunkNames: "heavytail-[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  // --help and --version load only the entry; the commands' chunks follow when they run, the worker's when threads start
  splitting: true,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // the bundle is the package's whole runtime: a shebang for `npm install -g`, and a require() for
  // the CommonJS pieces of dependencies that esbuild inlines into an ES module
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  legalComments: "eof",
  logLevel: "warning",
});
console.log(`build:cli wrote ${cliOutputPath}`);
