export type WasmLinalgErrorCode =
  | "NON_FINITE_INPUT"
  | "NO_CONVERGENCE"
  | "OUT_OF_MEMORY"
  | "BAD_ARGUMENT"
  | "PARTIAL_ROW"
  | "FINISHED";

/** A failure of the WASM linear-algebra engine, with a code callers can branch on. */
export class WasmLinalgError extends Error {
  readonly code: WasmLinalgErrorCode;
  constructor(code: WasmLinalgErrorCode, message: string) {
    super(message);
    this.name = "WasmLinalgError";
    this.code = code;
  }
}
