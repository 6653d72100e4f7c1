/** where `npm run build:wasm` writes the module */
export const wasmOutputPath: string;
/** compiles shared/linalg/wasm/assembly/ in memory; throws with the compiler's messages */
export function compileLinalgWasm(): Promise<Uint8Array<ArrayBuffer>>;
