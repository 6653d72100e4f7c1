import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { hasRelaxedSimd, type LinalgKernels } from "#shared/linalg";

/** where `npm run build:wasm` writes the kernels (from cli/ and from the bundle in build/ alike) */
export const defaultWasmPath = fileURLToPath(new URL("../build/heavytail-linalg.wasm", import.meta.url));
/** the relaxed-SIMD build beside it (the Gram's multiply-add as f64x2.relaxed_madd) */
export const defaultRelaxedWasmPath = fileURLToPath(new URL("../build/heavytail-linalg-relaxed.wasm", import.meta.url));

export interface LoadWasmModuleOptions {
  /** the SIMD build (default build/heavytail-linalg.wasm); given alone, it is the only file read */
  path?: string;
  /** the relaxed-SIMD build (default: build/heavytail-linalg-relaxed.wasm when `path` is not given) */
  relaxedPath?: string;
  /**
   * "auto" (default): the relaxed-SIMD build where the runtime validates relaxed SIMD and the file
   * is there, else the SIMD one; "simd": the SIMD build; "relaxed-simd": the relaxed build or an
   * error. Both give the same numbers bit for bit (shared/linalg/wasm/relaxed-simd.ts).
   */
  kernels?: "auto" | LinalgKernels;
  /** receives the one-line notice when the module is missing (default: stderr) */
  notice?: (line: string) => void;
}

/** the compiled kernels and which build they are */
export interface LoadedWasmModule {
  module: WebAssembly.Module;
  kernels: LinalgKernels;
}

/**
 * The compiled WASM kernels, or null (after a one-line notice) when they have not been built, so
 * the caller falls back to the JS eigensolver. Other read errors and invalid modules throw. The
 * module is compiled once per process: worker threads are handed it and only instantiate it.
 */
export async function loadWasmModule(options: LoadWasmModuleOptions = {}): Promise<WebAssembly.Module | null> {
  return (await loadWasmKernels(options))?.module ?? null;
}

/** loadWasmModule, saying which build it chose */
export async function loadWasmKernels(options: LoadWasmModuleOptions = {}): Promise<LoadedWasmModule | null> {
  // The kernels run as a few long calls; V8's baseline tier would run the first of each unoptimized
  // (there is no on-stack replacement for WebAssembly), so compile with the optimizing tier at once.
  v8.setFlagsFromString("--no-liftoff");
  const want = options.kernels ?? "auto";
  const relaxedPath = options.relaxedPath ?? (options.path === undefined ? defaultRelaxedWasmPath : undefined);
  if (want === "relaxed-simd") {
    if (!relaxedPath) throw new Error("the relaxed-SIMD kernels were asked for without their path");
    if (!hasRelaxedSimd()) throw new Error("this runtime does not implement WebAssembly relaxed SIMD (Node 20: node --experimental-wasm-relaxed-simd)");
    return { module: await WebAssembly.compile(new Uint8Array(await readFile(relaxedPath))), kernels: "relaxed-simd" };
  }
  if (want === "auto" && relaxedPath && hasRelaxedSimd()) {
    const bytes = await readFile(relaxedPath).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return null; // an install without it: the SIMD build below
      throw err;
    });
    // a runtime that validates the probe but refuses the module keeps the SIMD build
    const module = bytes && (await WebAssembly.compile(new Uint8Array(bytes)).catch(() => null));
    if (module) return { module, kernels: "relaxed-simd" };
  }
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
  return { module: await WebAssembly.compile(new Uint8Array(bytes)), kernels: "simd" };
}
