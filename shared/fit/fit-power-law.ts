import { ksDeviation, ksDistance } from "./ks-distance.ts";

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

/** Eigenvalues at or below this are left out of the fit (the reference's EVALS_THRESH). */
export const FIT_THRESHOLD = 1e-5;
/** Below this α a layer is over-trained (the reference's threshold, its `warning`). */
export const OVER_TRAINED_BELOW = 2;
/** Above this α a layer is under-trained (the reference's threshold). */
export const UNDER_TRAINED_ABOVE = 6;
/** evenly spaced probes tried before a full KS scan; any probe above the best D so far rules the candidate out */
const PROBES = 32;

const FAILED: PowerLawFit = { status: "failed", alpha: -1, D: -1, sigma: -1, xmin: -1, xmax: null, num_pl_spikes: -1, warning: "over-trained" };

/**
 * Continuous power-law fit by the reference's method (weightwatcher's WWFit, docs/metrics.md §4),
 * over x = the eigenvalues > 1e-5, ascending: for every candidate xmin = x[i] (i < n − 1),
 * α_i = 1 + k / Σ_{j≥i} ln(x_j / x_i) with k = n − i, the KS distance
 * D_i = max_t |1 − (x_{i+t}/x_i)^(1−α_i) − t/k| (1 when α_i ≤ 1), σ_i = (α_i − 1)/√k, and the
 * first i with the smallest D wins.
 *
 * The sums come from suffix sums of ln x (compensated), so each α_i is O(1). Each D_i is exactly
 * the reference's value when computed, but most candidates are ruled out early: a D_i is only
 * needed when it could be ≤ the best D found so far, and any single deviation above that bound
 * proves it is not. Candidates never ruled out are scanned in full, so the minimum and the first
 * index attaining it are exactly those of the O(n²) scan.
 */
export function fitPowerLaw(eigenvalues: ArrayLike<number>): PowerLawFit {
  const x = Float64Array.from(Array.prototype.filter.call(eigenvalues, (v: number) => v > FIT_THRESHOLD) as number[]).sort();
  const n = x.length;
  if (n < 2) return FAILED;

  const logs = x.map(Math.log);
  // suffix[i] = Σ_{j ≥ i} ln x_j, Neumaier-compensated
  const suffix = new Float64Array(n);
  let sum = 0;
  let carry = 0;
  for (let j = n - 1; j >= 0; j--) {
    const t = sum + logs[j];
    carry += Math.abs(sum) >= Math.abs(logs[j]) ? sum - t + logs[j] : logs[j] - t + sum;
    sum = t;
    suffix[j] = sum + carry;
  }
  const alphaAt = (i: number) => {
    const k = n - i;
    return 1 + k / (suffix[i] - k * logs[i]);
  };

  const candidates = n - 1;
  // D[i] is set once D_i is known exactly; visited[i] once candidate i is settled either way
  const D = new Float64Array(candidates);
  const visited = new Uint8Array(candidates);
  const exact = new Uint8Array(candidates);
  let bound = Number.POSITIVE_INFINITY;
  let hint = n - 1;
  const settle = (i: number) => {
    visited[i] = 1;
    const alpha = alphaAt(i);
    const [value, at] = alpha > 1 ? ksDistance(x, i, alpha, bound) : [1, 0];
    // ksDistance stops early only once it is above the bound, so a value ≤ bound is exact
    if (value > bound) {
      hint = i + at;
      return;
    }
    D[i] = value;
    exact[i] = 1;
    bound = value;
  };
  // a few evenly spaced candidates first, to start with a good bound
  for (let p = 0; p < PROBES && p < candidates; p++) settle(Math.floor((p * candidates) / Math.min(PROBES, candidates)));
  for (let i = 0; i < candidates; i++) {
    if (visited[i]) continue;
    const alpha = alphaAt(i);
    if (alpha > 1) {
      const k = n - i;
      let ruledOut = hint >= i && ksDeviation(x, i, hint - i, alpha, k) > bound;
      for (let p = 1; p < PROBES && !ruledOut; p++) ruledOut = ksDeviation(x, i, Math.floor((p * k) / PROBES), alpha, k) > bound;
      if (ruledOut) continue;
    }
    settle(i);
  }
  let best = -1;
  for (let i = 0; i < candidates; i++) if (exact[i] && (best < 0 || D[i] < D[best])) best = i;

  const alpha = alphaAt(best);
  if (Number.isNaN(alpha)) return FAILED;
  const xmin = x[best];
  let spikes = 0;
  for (let j = 0; j < eigenvalues.length; j++) if (eigenvalues[j] >= xmin) spikes++;
  return {
    status: "success",
    alpha,
    D: D[best],
    sigma: (alpha - 1) / Math.sqrt(n - best),
    xmin,
    xmax: x[n - 1],
    num_pl_spikes: spikes,
    warning: alpha < OVER_TRAINED_BELOW ? "over-trained" : alpha > UNDER_TRAINED_ABOVE ? "under-trained" : "",
  };
}
