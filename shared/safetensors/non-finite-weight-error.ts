import { quoteName } from "./safetensors-error.ts";
import { HeavytailError } from "../errors/heavytail-error.ts";

/** A weight that decodes to NaN or ±Inf: the layer cannot be analysed and is recorded as failed with this reason. */
export class NonFiniteWeightError extends HeavytailError {
  declare readonly code: "non_finite_weight";
  constructor(
    readonly file: string,
    readonly tensor: string,
    /** index of the offending element in storage (row-major) order */
    readonly index: number,
    readonly value: number,
  ) {
    super("non_finite_weight", 422, `${file}: tensor ${quoteName(tensor)}: element ${index} is ${value} (weights must be finite)`);
    this.name = "NonFiniteWeightError";
  }
}
