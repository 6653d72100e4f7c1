import { HeavytailError } from "../errors/heavytail-error.ts";
import { quoteName } from "../safetensors/safetensors-error.ts";

export type GgufErrorCode =
  | "not_gguf"
  | "unsupported_version"
  | "big_endian"
  | "truncated"
  | "header_too_large"
  | "too_many_entries"
  | "string_too_long"
  | "invalid_utf8"
  | "invalid_value_type"
  | "invalid_bool"
  | "nesting_too_deep"
  | "value_too_large"
  | "duplicate_key"
  | "invalid_alignment"
  | "duplicate_tensor"
  | "invalid_dimensions"
  | "unknown_tensor_type"
  | "partial_block"
  | "misaligned_offset"
  | "data_past_end"
  | "overlapping_data"
  | "split_mismatch";

/** A GGUF file that does not follow the format, or that heavytail refuses to read; names the file and, where one is at fault, the tensor. */
export class GgufError extends HeavytailError {
  declare readonly code: GgufErrorCode;
  constructor(
    code: GgufErrorCode,
    readonly file: string,
    detail: string,
    readonly tensor?: string,
  ) {
    super(code, 422, `${file}: ${tensor === undefined ? "" : `tensor ${quoteName(tensor)}: `}${detail}`);
    this.name = "GgufError";
  }
}
