/** A model id, URL or revision that does not follow the Hub's grammar; rejected before any request. */
export class ModelIdError extends Error {
  readonly status = 400;
  constructor(
    readonly code: "invalid_model_id" | "invalid_revision",
    message: string,
  ) {
    super(message);
    this.name = "ModelIdError";
  }
}
