import { HeavytailError } from "../errors/heavytail-error.ts";
import { quoteName } from "../safetensors/safetensors-error.ts";

export type QuantizedErrorCode = "invalid_layout" | "invalid_group_index" | "element_range";

/** A quantized safetensors weight whose parts do not fit together as its scheme says; names the file and the weight. */
export class QuantizedError extends HeavytailError {
  declare readonly code: QuantizedErrorCode;
  constructor(
    code: QuantizedErrorCode,
    readonly file: string,
    detail: string,
    readonly tensor?: string,
  ) {
    super(code, 422, `${file}: ${tensor === undefined ? "" : `tensor ${quoteName(tensor)}: `}${detail}`);
    this.name = "QuantizedError";
  }
}
