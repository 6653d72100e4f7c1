import type { LoraPair } from "../plan/types.ts";

/**
 * The float64 arrays analyzeLoraLayer holds, in bytes: A and B as read, A's copy reduced to its
 * triangle R, C = B·Rᵀ, and r × r matrices (R, the Gram, the eigensolver's copy); B·A never.
 * bytes = 8·(2·r·in + 2·out·r + 3·r²)
 */
export function loraLayerBytes(lora: LoraPair): number {
  return 8 * (2 * lora.r * lora.in + 2 * lora.out * lora.r + 3 * lora.r * lora.r);
}
