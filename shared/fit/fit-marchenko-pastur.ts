import { empiricalDensity } from "./empirical-density.ts";
import { mpResidual } from "./mp-residual.ts";
import { numpyArange } from "./numpy-arange.ts";
import { nelderMead } from "./nelder-mead.ts";

/** The MP-fit columns of one layer (docs/metrics.md §5); null where the fit could not be made. */
export interface MarchenkoPasturFit {
  sigma_mp: number | null;
  num_spikes: number;
  mp_softrank: number | null;
  /** bulk edges in the eigenvalues' own units */
  bulk_max: number | null;
  bulk_min: number | null;
  /** √(len(E)/ΣE): the factor that rescales the singular values to mean-square 1 */
  W_scale: number | null;
}

const FAILED: MarchenkoPasturFit = { sigma_mp: null, num_spikes: 0, mp_softrank: null, bulk_max: null, bulk_min: null, W_scale: null };

/** σ the largest eigenvalue would have as the MP upper edge: √(λmax / (1 + 1/√Q)²) (the reference's calc_sigma). */
export function edgeSigma(Q: number, lambdaMax: number): number {
  const s = 1 + 1 / Math.sqrt(Q);
  return Math.sqrt(lambdaMax / (s * s));
}

/**
 * Fits the Marchenko–Pastur law with aspect ratio Q = N/M to a layer's eigenvalues as the
 * reference's mp_fit does: rescale to mean 1 (x = E·len(E)/ΣE), build the empirical density,
 * grid-search σ over numpy.arange(0.05 s0, 2 s0, 0.01 s0) with s0 = edgeSigma(Q, max x), polish
 * from the best grid point with Nelder–Mead (scipy.optimize.brute's finish), then count the
 * eigenvalues beyond the bulk edge plus its Tracy–Widom margin √((1/√Q)·λ₊^(2/3)·M^(−2/3)).
 * For Q = 1 the quarter-circle law is fitted to √x.
 */
export function fitMarchenkoPastur(eigenvalues: ArrayLike<number>, N: number, M: number): MarchenkoPasturFit {
  const count = eigenvalues.length;
  let total = 0;
  for (let i = 0; i < count; i++) total += eigenvalues[i];
  if (count === 0 || !(total > 0) || !Number.isFinite(total) || !(N > 0) || !(M > 0)) return FAILED;
  const Q = N / M;
  const scale = Math.sqrt(count) / Math.sqrt(total);
  const x = Float64Array.from(eigenvalues, (e) => scale * scale * e);
  let lambdaMax = Number.NEGATIVE_INFINITY;
  for (const v of x) lambdaMax = Math.max(lambdaMax, v);

  const density = empiricalDensity(Q === 1 ? x.map(Math.sqrt) : x);
  if (density === null) return { ...FAILED, W_scale: scale };
  const s0 = edgeSigma(Q, lambdaMax);
  const grid = numpyArange(0.05 * s0, 2.0 * s0, 0.01 * s0);
  if (grid.length === 0) return { ...FAILED, W_scale: scale };
  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = 0; i < grid.length; i++) {
    const value = mpResidual(grid[i], density, Q);
    if (value < bestValue) {
      best = i;
      bestValue = value;
    }
  }
  const sigma = nelderMead((p) => mpResidual(p[0], density, Q), [grid[best]]).x[0];

  const upper = sigma * (1 + 1 / Math.sqrt(Q));
  const lower = sigma * (1 - 1 / Math.sqrt(Q));
  const bulkMax = upper * upper;
  const bulkMin = lower * lower;
  const tracyWidom = (1 / Math.sqrt(Q)) * Math.pow(bulkMax, 2 / 3) * Math.pow(M, -2 / 3);
  const edge = bulkMax + Math.sqrt(tracyWidom);
  let spikes = 0;
  for (const v of x) if (v > edge) spikes++;
  return {
    sigma_mp: sigma,
    num_spikes: spikes,
    mp_softrank: bulkMax / lambdaMax,
    bulk_max: bulkMax / (scale * scale),
    bulk_min: bulkMin / (scale * scale),
    W_scale: scale,
  };
}
