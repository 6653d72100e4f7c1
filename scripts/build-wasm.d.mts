/** where `npm run build:wasm` writes the module (SIMD) */
export const wasmOutputPath: string;
/** where `npm run build:wasm` writes the relaxed-SIMD build (the Gram's multiply-add as f64x2.relaxed_madd) */
export const wasmRelaxedOutputPath: string;
/** compiles shared/linalg/wasm/assembly/ in memory (`relaxed`: with the relaxed-simd feature); throws with the compiler's messages */
export function compileLinalgWasm(options?: { relaxed?: boolean }): Promise<Uint8Array<ArrayBuffer>>;
