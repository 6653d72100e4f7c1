import { HeavytailError } from "#shared/errors";

/** Dropped files that do not make a model: no safetensors among them, or two files of one name. */
export class LocalModelError extends HeavytailError {
  declare readonly code: "no_model_files" | "duplicate_file";
  constructor(code: "no_model_files" | "duplicate_file", detail: string) {
    super(code, 422, detail);
    this.name = "LocalModelError";
  }
}
