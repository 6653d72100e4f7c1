import { compileLinalgWasm } from "../../scripts/build-wasm.mjs";

let compiled: Promise<WebAssembly.Module> | undefined;

/** The kernels compiled from the current sources (not a possibly stale build/ file), once per test file. */
export function compiledLinalgModule(): Promise<WebAssembly.Module> {
  compiled ??= compileLinalgWasm().then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}
