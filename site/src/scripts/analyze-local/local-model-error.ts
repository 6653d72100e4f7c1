/** Dropped files that do not make a model: no safetensors among them, or two files of one name. */
export class LocalModelError extends Error {
  constructor(
    readonly code: "no_model_files" | "duplicate_file",
    detail: string,
  ) {
    super(detail);
    this.name = "LocalModelError";
  }
}
