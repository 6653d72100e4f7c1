/** The power-law fit of one layer's eigenvalues (docs/metrics.md §4), the reference's columns. */
export interface PowerLawFit {
  status: "success" | "failed";
  alpha: number;
  D: number;
  sigma: number;
  xmin: number;
  /** the largest eigenvalue fitted; null when the fit failed */
  xmax: number | null;
  num_pl_spikes: number;
  /** "over-trained" when alpha < 2 (a failed fit, alpha = −1, included), "under-trained" when alpha > 6 */
  warning: "" | "over-trained" | "under-trained";
}
