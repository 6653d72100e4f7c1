import { HeavytailError } from "../errors/heavytail-error.ts";

export type SafetensorsErrorCode =
  | "file_too_short"
  | "header_too_large"
  | "header_past_end"
  | "invalid_header_json"
  | "header_not_object"
  | "invalid_metadata"
  | "invalid_tensor_entry"
  | "unknown_dtype"
  | "invalid_shape"
  | "invalid_offsets"
  | "size_mismatch"
  | "overlapping_offsets"
  | "gap_in_offsets"
  | "data_past_end"
  | "trailing_data"
  | "invalid_index"
  | "unsafe_shard_name"
  | "missing_shard"
  | "missing_tensor"
  | "duplicate_tensor"
  | "no_safetensors_files"
  | "element_range"
  | "unreadable_tensor";

const MAX_NAME_IN_MESSAGE = 120;

/** Shortens a (possibly hostile, very long) tensor name for an error message. */
export function quoteName(name: string): string {
  const shown = name.length > MAX_NAME_IN_MESSAGE ? `${name.slice(0, MAX_NAME_IN_MESSAGE)}…(${name.length} chars)` : name;
  return JSON.stringify(shown);
}

/** A safetensors file (or index) that does not follow the format; names the file and, where one is at fault, the tensor. */
export class SafetensorsError extends HeavytailError {
  declare readonly code: SafetensorsErrorCode;
  constructor(
    code: SafetensorsErrorCode,
    readonly file: string,
    detail: string,
    readonly tensor?: string,
  ) {
    super(code, 422, `${file}: ${tensor === undefined ? "" : `tensor ${quoteName(tensor)}: `}${detail}`);
    this.name = "SafetensorsError";
  }
}
