import { HeavytailError } from "../errors/heavytail-error.ts";

/** A model id, URL or revision that does not follow the Hub's grammar; rejected before any request. */
export class ModelIdError extends HeavytailError {
  declare readonly code: "invalid_model_id" | "invalid_revision";
  constructor(code: "invalid_model_id" | "invalid_revision", message: string) {
    super(code, 400, message);
    this.name = "ModelIdError";
  }
}
