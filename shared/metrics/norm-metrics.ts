import type { Num } from "../report/schema.ts";
import { finiteOrNull } from "./finite-or-null.ts";

export interface NormMetrics {
  norm: Num;
  log_norm: Num;
  spectral_norm: Num;
  log_spectral_norm: Num;
  alpha_weighted: Num;
  log_alpha_norm: Num;
  stable_rank: Num;
  matrix_rank: number;
  entropy: Num;
}

/** Added to every probability in the entropy, as the reference does, so that zero eigenvalues give 0·ln 0 = 0 in effect. */
const ENTROPY_EPSILON = 1e-10;

/**
 * The norm metrics of docs/metrics.md §5 from all eigenvalues E (ascending) and the fitted α:
 * norm = ΣE, log_norm = log10 ΣE, spectral_norm = max E, alpha_weighted = α·log10 max E,
 * log_alpha_norm = log10 Σ E^α, stable_rank = ΣE / max E,
 * matrix_rank = count(√E > √max E·N·ε), entropy = −Σ p ln p / ln(rank + 1e-10) with p = E/ΣE + 1e-10.
 */
export function normMetrics(E: Float64Array, alpha: number, N: number): NormMetrics {
  let norm = 0;
  let alphaNorm = 0;
  for (const e of E) {
    norm += e;
    alphaNorm += Math.pow(e, alpha);
  }
  const spectral = E[E.length - 1];
  const tolerance = Math.sqrt(spectral) * N * Number.EPSILON;
  let rank = 0;
  let entropy = 0;
  for (const e of E) {
    if (Math.sqrt(e) > tolerance) rank++;
    const p = e / norm + ENTROPY_EPSILON;
    entropy -= p * Math.log(p);
  }
  const logSpectral = Math.log10(spectral);
  return {
    norm: finiteOrNull(norm),
    log_norm: finiteOrNull(Math.log10(norm)),
    spectral_norm: finiteOrNull(spectral),
    log_spectral_norm: finiteOrNull(logSpectral),
    alpha_weighted: finiteOrNull(alpha * logSpectral),
    log_alpha_norm: finiteOrNull(Math.log10(alphaNorm)),
    stable_rank: finiteOrNull(norm / spectral),
    matrix_rank: rank,
    entropy: finiteOrNull(entropy / Math.log(rank + ENTROPY_EPSILON)),
  };
}
