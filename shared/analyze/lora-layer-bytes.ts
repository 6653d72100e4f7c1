import type { LoraPair } from "../plan/types.ts";
import { DEFAULT_BLOCK_ROWS } from "../esd/tall-gram-accumulator.ts";

/**
 * The arrays analyzeLoraLayer holds, in bytes: A and B as read (float32) and once more in the
 * engine's memory or as the fallback's float64 triangle R and C = B·Rᵀ, and r × r matrices (the
 * two Grams, F, Fᵀ·G_B·F); B·A never.
 * bytes = 12·(r·in + out·r) + 32·r²
 * Randomized (loraRandomizedSpectra), also the shuffled product's M × M Gram (M = min(out, in))
 * twice, for the eigensolver's copy, its row block and Aᵀ (float32):
 * + 16·M² + 8·M·64 + 4·r·in
 */
export function loraLayerBytes(lora: LoraPair, randomize = false): number {
  const { r, in: inDim, out } = lora;
  const own = 12 * (r * inDim + out * r) + 32 * r * r;
  if (!randomize) return own;
  const order = Math.min(out, inDim);
  return own + 16 * order * order + 8 * order * DEFAULT_BLOCK_ROWS + 4 * r * inDim;
}
