import v8 from "node:v8";
import { compileLinalgWasm } from "../../scripts/build-wasm.mjs";
import { hasRelaxedSimd } from "#shared/linalg";

let compiled: Promise<WebAssembly.Module> | undefined;

/**
 * The kernels compiled from the current sources (not a possibly stale build/ file), once per test file.
 * HEAVYTAIL_TEST_KERNELS=relaxed-simd runs the suites on the relaxed-SIMD build instead (on Node 20
 * turning on V8's --experimental-wasm-relaxed-simd in the test process, since NODE_OPTIONS refuses it).
 */
export function compiledLinalgModule(): Promise<WebAssembly.Module> {
  const relaxed = process.env.HEAVYTAIL_TEST_KERNELS === "relaxed-simd";
  if (relaxed && !hasRelaxedSimd()) v8.setFlagsFromString("--experimental-wasm-relaxed-simd");
  compiled ??= compileLinalgWasm({ relaxed }).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}
