// Bundles the CLI (cli/heavytail.ts and everything it imports) into one JavaScript file,
// build/heavytail.mjs (and the chunk it loads to run a command), so `heavytail` starts without transpiling TypeScript on every run and installs
// with no dependencies (package.json "bin"; `npm ci` runs this through "prepare"). The WASM kernels
// stay beside it in build/, where cli/load-wasm-engine.ts looks for them.
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
  entryPoints: [join(root, "cli", "heavytail.ts")],
  outdir: join(root, "build"),
  entryNames: "[name]",
  chunkNames: "heavytail-[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  // --help and --version load only the entry; the commands' chunk follows when they run
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
