import type { ValueReader } from "../esd/types.ts";
import { exactValues } from "../esd/exact-values.ts";

/** ‖x‖ = √Σ x², over the first `count` streamed values, summed in float64 (each x² of a float32 is exact there). */
export async function frobeniusNorm(read: ValueReader, count: number): Promise<number> {
  let sum = 0;
  for await (const chunk of exactValues(read, 0, count)) {
    for (let i = 0; i < chunk.length; i++) sum += chunk[i] * chunk[i];
  }
  return Math.sqrt(sum);
}
