import { HeavytailError } from "../errors/heavytail-error.ts";
import { quoteName } from "../safetensors/safetensors-error.ts";

export type PytorchErrorCode =
  | "not_zip"
  | "legacy_format"
  | "invalid_zip"
  | "unsupported_zip"
  | "not_a_checkpoint"
  | "big_endian"
  | "pickle_too_large"
  | "invalid_pickle"
  | "opcode_not_allowed"
  | "global_not_allowed"
  | "not_a_state_dict"
  | "invalid_storage"
  | "invalid_tensor"
  | "invalid_index"
  | "unsafe_shard_name"
  | "missing_shard"
  | "missing_tensor"
  | "duplicate_tensor"
  | "no_bin_files";

/** A PyTorch checkpoint (or its index) that heavytail refuses: names the file and, where one is at fault, the tensor. */
export class PytorchError extends HeavytailError {
  declare readonly code: PytorchErrorCode;
  constructor(
    code: PytorchErrorCode,
    readonly file: string,
    detail: string,
    readonly tensor?: string,
  ) {
    super(code, 422, `${file}: ${tensor === undefined ? "" : `tensor ${quoteName(tensor)}: `}${detail}`);
    this.name = "PytorchError";
  }
}
