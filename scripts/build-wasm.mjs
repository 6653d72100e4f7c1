// Compiles the AssemblyScript linear-algebra kernels (shared/linalg/wasm/assembly/) to
// build/heavytail-linalg.wasm (SIMD) and build/heavytail-linalg-relaxed.wasm (SIMD + relaxed SIMD:
// the Gram kernel's multiply-add is f64x2.relaxed_madd; the loaders take it where the runtime
// validates it, docs/engine.md "Relaxed SIMD"). Needs only the assemblyscript npm package, so `npm ci` can run it
// on a fresh machine (package.json's "prepare"). The Worker imports the .wasm as a module; the CLI
// reads it from build/.
import asc from "assemblyscript/asc";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const wasmOutputPath = join(root, "build", "heavytail-linalg.wasm");
export const wasmRelaxedOutputPath = join(root, "build", "heavytail-linalg-relaxed.wasm");
const entry = join(root, "shared", "linalg", "wasm", "assembly", "index.ts");

// stub runtime: the kernels never allocate; the caller lays out memory. SIMD is required.
const flags = ["--enable", "simd", "-O3", "--runtime", "stub", "--noAssert", "--initialMemory", "1"];

/**
 * Compiles the kernels in memory and returns the module bytes; throws with the compiler's messages.
 * `{ relaxed: true }` adds the relaxed-simd feature (ASC_FEATURE_RELAXED_SIMD in the sources).
 */
export async function compileLinalgWasm({ relaxed = false } = {}) {
  let binary = null;
  const messages = [];
  const sink = { write: (chunk) => void messages.push(String(chunk)) };
  const features = relaxed ? ["--enable", "relaxed-simd"] : [];
  const { error } = await asc.main([relative(process.cwd(), entry), ...flags, ...features, "--outFile", "out.wasm"], {
    stdout: sink,
    stderr: sink,
    readFile: undefined,
    writeFile: (name, contents) => {
      if (name.endsWith(".wasm")) binary = contents;
    },
  });
  if (error || !binary) throw new Error(`assemblyscript build failed: ${error?.message ?? "no output"}\n${messages.join("")}`);
  return binary;
}

async function main() {
  await mkdir(dirname(wasmOutputPath), { recursive: true });
  for (const [path, relaxed] of [[wasmOutputPath, false], [wasmRelaxedOutputPath, true]]) {
    const bytes = await compileLinalgWasm({ relaxed });
    await writeFile(path, bytes);
    console.log(`build:wasm wrote ${path} (${bytes.length} bytes)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
