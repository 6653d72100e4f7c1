import type { LayerSpectrum } from "../esd/types.ts";

/** Eigenvalues below this count towards weak_rank_loss (the reference's default tolerance). */
export const WEAK_RANK_TOLERANCE = 1e-6;

export interface RankColumns {
  sv_max: number;
  sv_min: number;
  rank_loss: number;
  weak_rank_loss: number;
}

/**
 * Per-slice singular-value columns (docs/metrics.md §3), σ = √λ:
 * sv_max = max over slices of σmax, sv_min = max over slices of each slice's σmin,
 * rank_loss = Σ over slices of count(σ ≤ σmax(slice)·N·ε), weak_rank_loss = count(λ < 1e-6).
 */
export function rankColumns(spectrum: LayerSpectrum, N: number): RankColumns {
  let svMax = 0;
  let svMin = 0;
  let rankLoss = 0;
  let weak = 0;
  for (const values of spectrum.slices) {
    const top = Math.sqrt(values[values.length - 1]);
    svMax = Math.max(svMax, top);
    svMin = Math.max(svMin, Math.sqrt(values[0]));
    const tolerance = top * N * Number.EPSILON;
    for (const v of values) {
      if (Math.sqrt(v) <= tolerance) rankLoss++;
      if (v < WEAK_RANK_TOLERANCE) weak++;
    }
  }
  return { sv_max: svMax, sv_min: svMin, rank_loss: rankLoss, weak_rank_loss: weak };
}
