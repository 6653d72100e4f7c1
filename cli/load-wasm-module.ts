import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";

/** where `npm run build:wasm` writes the kernels (from cli/ and from the bundle in build/ alike) */
export const defaultWasmPath = fileURLToPath(new URL("../build/heavytail-linalg.wasm", import.meta.url));

export interface LoadWasmModuleOptions {
  path?: string;
  /** receives the one-line notice when the module is missing (default: stderr) */
  notice?: (line: string) => void;
}

/**
 * The compiled WASM kernels, or null (after a one-line notice) when they have not been built, so
 * the caller falls back to the JS eigensolver. Other read errors and invalid modules throw. The
 * module is compiled once per process: worker threads are handed it and only instantiate it.
 */
export async function loadWasmModule(options: LoadWasmModuleOptions = {}): Promise<WebAssembly.Module | null> {
  const path = options.path ?? defaultWasmPath;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    (options.notice ?? ((line) => process.stderr.write(`${line}\n`)))(
      `heavytail: ${path} not found (run npm run build:wasm); using the JS eigensolver`,
    );
    return null;
  }
  // The kernels run as a few long calls; V8's baseline tier would run the first of each unoptimized
  // (there is no on-stack replacement for WebAssembly), so compile with the optimizing tier at once.
  v8.setFlagsFromString("--no-liftoff");
  return WebAssembly.compile(new Uint8Array(bytes));
}
