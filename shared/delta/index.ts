// Fine-tune against base: matching a base's layers, the difference W − W_base and the distances between them.
export { biasDistance } from "./bias-distance.ts";
export { checkDeltaPair } from "./check-delta-pair.ts";
export { DeltaError } from "./delta-error.ts";
export { differenceValueReader } from "./difference-value-reader.ts";
export { frobeniusNorm } from "./frobenius-norm.ts";
export { matchBaseLayers } from "./match-base-layers.ts";
export { mergedValueReader } from "./merged-value-reader.ts";
