import type { DeltaBase } from "../plan/types.ts";
import type { ByteSource } from "../safetensors/types.ts";
import { tensorValueReader } from "../safetensors/tensor-value-reader.ts";
import { differenceValueReader } from "./difference-value-reader.ts";
import { frobeniusNorm } from "./frobenius-norm.ts";

/**
 * The reference's delta_b (`distances`, method "raw"): ‖b − b_base‖ when both models have the
 * layer's bias and the two are as long, else 0, as the reference answers then.
 */
export async function biasDistance(
  base: DeltaBase,
  open: (file: string) => ByteSource,
  openBase: (file: string) => ByteSource,
  chunkBytes?: number,
): Promise<number> {
  const { bias, baseBias } = base;
  if (bias === null || baseBias === null) return 0;
  const count = bias.shape.reduce((p, d) => p * d, 1);
  if (bias.shape.length !== baseBias.shape.length || bias.shape[0] !== baseBias.shape[0] || count !== baseBias.shape.reduce((p, d) => p * d, 1)) return 0;
  const read = tensorValueReader(open(bias.file), bias, { chunkBytes });
  const readBase = tensorValueReader(openBase(baseBias.file), baseBias, { chunkBytes });
  return frobeniusNorm(differenceValueReader(read, readBase), count);
}
