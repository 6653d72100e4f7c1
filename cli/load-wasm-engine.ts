import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { createWasmLinalg } from "../shared/linalg/wasm/create-wasm-linalg.ts";
import type { WasmLinalg, WasmLinalgOptions } from "../shared/linalg/wasm/types.ts";

/** where `npm run build:wasm` writes the kernels */
export const defaultWasmPath = fileURLToPath(new URL("../build/heavytail-linalg.wasm", import.meta.url));

export interface LoadWasmEngineOptions extends WasmLinalgOptions {
  path?: string;
  /** receives the one-line notice when the module is missing (default: stderr) */
  notice?: (line: string) => void;
}

/**
 * The WASM engine for the Node CLI, or null (after a one-line notice) when the module has not been
 * built, so the caller falls back to the JS eigensolver. Other read errors and invalid modules throw.
 */
export async function loadWasmEngine(options: LoadWasmEngineOptions = {}): Promise<WasmLinalg | null> {
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
  const module = await WebAssembly.compile(new Uint8Array(bytes));
  return createWasmLinalg(module, options);
}
