// Dense linear algebra in float64: symmetric eigenvalues, Cholesky, singular values, and the WASM kernels.
export { type Eigvalsh, eigvalsh } from "./eigvalsh.ts";
export { jacobiSingularValues } from "./jacobi-singular-values.ts";
export { loraEigenvalues } from "./lora-eigenvalues.ts";
export { loraGramsJs } from "./lora-grams.ts";
export { smallEigenvectors } from "./small-eigenvectors.ts";
export { createWasmLinalg } from "./wasm/create-wasm-linalg.ts";
export { hasRelaxedSimd, type LinalgKernels, relaxedSimdProbe } from "./wasm/relaxed-simd.ts";
export { type WasmLinalg, type WasmLinalgOptions } from "./wasm/types.ts";
export { wasmLayerGrams } from "./wasm/wasm-layer-grams.ts";
export { WasmLinalgError } from "./wasm/wasm-linalg-error.ts";
export { wasmLoraGrams } from "./wasm/wasm-lora-grams.ts";
export { BAND_PANEL_BYTES, wasmLowerBand } from "./wasm/wasm-lower-band.ts";
export { wasmTallGramPartial } from "./wasm/wasm-tall-gram-partial.ts";
export { wasmWideGramBlock } from "./wasm/wasm-wide-gram-block.ts";
