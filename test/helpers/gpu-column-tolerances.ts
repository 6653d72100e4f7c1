import type { LayerColumns } from "#shared/report";

/**
 * How far a column computed with the GPU Gram (float32 block products of DEFAULT_DEPTH rows,
 * summed in float64) may be from the float64 path, for every numeric column of a layer:
 * - exact: counts and labels; the small end is refined against the weights in float64, so rank
 *   counts come out exact wherever the float64 path's are (a count decided by a threshold, such
 *   as num_spikes, could still flip for an eigenvalue within ~1e-7 of it; none did on the fixtures);
 * - relative: |a − b| ≤ tol·|b|;
 * - log: |a − b| ≤ tol·max(1, |b|), for logarithms and products with one, which may sit near 0;
 * - eigenvalue: |a² − b²| ≤ tol·lambda_max + relative·b² (sv_min: a small eigenvalue above the
 *   refinement threshold keeps the Gram's absolute error, a few 1e-8·λmax on the fixtures; a
 *   large one, as for slices of one column, is as accurate as λmax).
 * docs/gpu.md gives the measured worst cases these bounds are set from.
 */
export type ColumnTolerance = { kind: "exact" } | { kind: "relative" | "log"; tol: number } | { kind: "eigenvalue"; tol: number; relative: number };

export const GPU_COLUMN_TOLERANCES: Partial<Record<keyof LayerColumns, ColumnTolerance>> = {
  layer_id: { kind: "exact" },
  N: { kind: "exact" },
  M: { kind: "exact" },
  Q: { kind: "exact" },
  rf: { kind: "exact" },
  num_evals: { kind: "exact" },
  rank_loss: { kind: "exact" },
  weak_rank_loss: { kind: "exact" },
  num_pl_spikes: { kind: "exact" },
  matrix_rank: { kind: "exact" },
  num_spikes: { kind: "exact" },
  lambda_max: { kind: "relative", tol: 1e-6 },
  sv_max: { kind: "relative", tol: 1e-6 },
  xmax: { kind: "relative", tol: 1e-6 },
  alpha: { kind: "relative", tol: 1e-6 },
  norm: { kind: "relative", tol: 1e-6 },
  spectral_norm: { kind: "relative", tol: 1e-6 },
  stable_rank: { kind: "relative", tol: 1e-6 },
  entropy: { kind: "relative", tol: 1e-6 },
  sigma_mp: { kind: "relative", tol: 1e-6 },
  mp_softrank: { kind: "relative", tol: 1e-6 },
  bulk_max: { kind: "relative", tol: 1e-6 },
  bulk_min: { kind: "relative", tol: 1e-6 },
  W_scale: { kind: "relative", tol: 1e-6 },
  log_norm: { kind: "log", tol: 1e-6 },
  log_spectral_norm: { kind: "log", tol: 1e-6 },
  log_alpha_norm: { kind: "log", tol: 1e-6 },
  alpha_weighted: { kind: "log", tol: 1e-6 },
  xmin: { kind: "relative", tol: 1e-5 },
  sigma: { kind: "relative", tol: 1e-5 },
  D: { kind: "relative", tol: 1e-4 },
  sv_min: { kind: "eigenvalue", tol: 1e-7, relative: 1e-6 },
};
