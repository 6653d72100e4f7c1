import { HeavytailError } from "../../errors/heavytail-error.ts";

export type WasmLinalgErrorCode = "non_finite_input" | "no_convergence" | "out_of_memory" | "bad_argument" | "partial_row" | "finished";

/** A failure of the WASM linear-algebra engine, with a code callers can branch on. */
export class WasmLinalgError extends HeavytailError {
  declare readonly code: WasmLinalgErrorCode;
  constructor(code: WasmLinalgErrorCode, message: string) {
    super(code, 500, message);
    this.name = "WasmLinalgError";
  }
}
