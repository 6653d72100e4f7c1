import { HeavytailError } from "../errors/heavytail-error.ts";

export type WeightFilesErrorCode = "no_weight_files" | "several_safetensors" | "several_gguf" | "several_checkpoints" | "file_not_found" | "unsupported_file" | "missing_shards";

/** A model whose weight files cannot be chosen without help (or at all): says why and lists the candidates, so a caller can ask for one. */
export class WeightFilesError extends HeavytailError {
  declare readonly code: WeightFilesErrorCode;
  constructor(
    code: WeightFilesErrorCode,
    message: string,
    /** the files a user could name (with --file or ?file=) */
    readonly candidates: string[] = [],
  ) {
    super(code, 422, message);
    this.name = "WeightFilesError";
  }
}
