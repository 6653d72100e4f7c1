import type { LayerColumns } from "../../../shared/report/schema.ts";

export interface ColumnSpec {
  key: keyof LayerColumns;
  /** what the column holds, for the header's tooltip */
  title: string;
  kind: "int" | "num" | "text";
}

/** Every per-layer column of the report, in the reference's order, with what it means. */
export const LAYER_COLUMNS: readonly ColumnSpec[] = [
  { key: "layer_id", title: "the reference's layer id (every .weight tensor, in file order)", kind: "int" },
  { key: "layer_type", title: "dense or conv2d", kind: "text" },
  { key: "N", title: "larger side of the matrix", kind: "int" },
  { key: "M", title: "smaller side of the matrix", kind: "int" },
  { key: "Q", title: "aspect ratio N/M", kind: "num" },
  { key: "rf", title: "receptive field (kh·kw for conv2d)", kind: "int" },
  { key: "num_evals", title: "number of eigenvalues", kind: "int" },
  { key: "lambda_max", title: "largest eigenvalue", kind: "num" },
  { key: "sv_max", title: "largest singular value", kind: "num" },
  { key: "sv_min", title: "smallest singular value (max over slices)", kind: "num" },
  { key: "rank_loss", title: "singular values below numerical precision", kind: "int" },
  { key: "weak_rank_loss", title: "eigenvalues below 1e-6", kind: "int" },
  { key: "alpha", title: "power-law exponent of the ESD tail", kind: "num" },
  { key: "D", title: "Kolmogorov–Smirnov distance of the fit", kind: "num" },
  { key: "sigma", title: "standard error of α", kind: "num" },
  { key: "xmin", title: "start of the fitted tail", kind: "num" },
  { key: "xmax", title: "largest eigenvalue of the fit", kind: "num" },
  { key: "num_pl_spikes", title: "eigenvalues at or above xmin", kind: "int" },
  { key: "warning", title: "the reference's label", kind: "text" },
  { key: "status", title: "power-law fit status", kind: "text" },
  { key: "norm", title: "squared Frobenius norm, Σλ", kind: "num" },
  { key: "log_norm", title: "log10 Σλ", kind: "num" },
  { key: "spectral_norm", title: "λmax", kind: "num" },
  { key: "log_spectral_norm", title: "log10 λmax", kind: "num" },
  { key: "alpha_weighted", title: "α̂ = α·log10 λmax", kind: "num" },
  { key: "log_alpha_norm", title: "log10 Σλ^α", kind: "num" },
  { key: "stable_rank", title: "Σλ / λmax", kind: "num" },
  { key: "matrix_rank", title: "numerical rank", kind: "int" },
  { key: "entropy", title: "spectral entropy over ln(rank)", kind: "num" },
  { key: "sigma_mp", title: "Marchenko–Pastur σ", kind: "num" },
  { key: "num_spikes", title: "eigenvalues past the MP bulk (+ Tracy–Widom)", kind: "int" },
  { key: "mp_softrank", title: "MP bulk edge / λmax", kind: "num" },
  { key: "bulk_max", title: "MP bulk upper edge", kind: "num" },
  { key: "bulk_min", title: "MP bulk lower edge", kind: "num" },
  { key: "W_scale", title: "weight scale", kind: "num" },
];

/**
 * The randomization columns, present when the report was made with randomization on (ww_maxdist and
 * rand_W_scale only in reports made since they were added). On layers with M·rf < 100 the MP columns
 * and rand_lambda_max come from 5 shuffles pooled, as the reference's do.
 */
export const RANDOMIZATION_COLUMNS: readonly ColumnSpec[] = [
  { key: "rand_distance", title: "Jensen–Shannon distance between the ESD and the randomized ESD", kind: "num" },
  { key: "ww_softrank", title: "randomized λmax / λmax", kind: "num" },
  { key: "ww_maxdist", title: "λmax − randomized λmax", kind: "num" },
  { key: "rand_num_spikes", title: "spikes of the randomized ESD (> 0: a correlation trap)", kind: "int" },
  { key: "rand_sigma_mp", title: "MP σ of the randomized ESD", kind: "num" },
  { key: "rand_mp_softrank", title: "MP softrank of the randomized ESD", kind: "num" },
  { key: "rand_W_scale", title: "weight scale of the randomized ESD", kind: "num" },
  { key: "rand_bulk_max", title: "MP bulk upper edge, randomized", kind: "num" },
  { key: "rand_bulk_min", title: "MP bulk lower edge, randomized", kind: "num" },
  { key: "rand_lambda_max", title: "largest randomized eigenvalue (the reference's max_rand_eval)", kind: "num" },
];
