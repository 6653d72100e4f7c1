import { HeavytailError } from "../../errors/heavytail-error.ts";

export type GpuGramErrorCode = "invalid_option" | "kernel_failed" | "reader_mismatch";

/** The GPU Gram could not be computed: a bad setting, a kernel gpu.js could not build or run, or a short reader. */
export class GpuGramError extends HeavytailError {
  declare readonly code: GpuGramErrorCode;
  constructor(code: GpuGramErrorCode, detail: string) {
    super(code, 500, detail);
    this.name = "GpuGramError";
  }
}
