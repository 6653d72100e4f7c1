import { createWasmLinalg, type WasmLinalg, type WasmLinalgOptions } from "#shared/linalg";
import { loadWasmModule, type LoadWasmModuleOptions } from "./load-wasm-module.ts";

export { defaultWasmPath } from "./load-wasm-module.ts";

export interface LoadWasmEngineOptions extends WasmLinalgOptions, LoadWasmModuleOptions {}

/**
 * The WASM engine for the Node CLI, or null (after a one-line notice) when the module has not been
 * built, so the caller falls back to the JS eigensolver. Other read errors and invalid modules throw.
 */
export async function loadWasmEngine(options: LoadWasmEngineOptions = {}): Promise<WasmLinalg | null> {
  const module = await loadWasmModule(options);
  return module && createWasmLinalg(module, options);
}
