import type { AnalysedLayer } from "#shared/report";
import { compactHistogram } from "./compact-histogram.ts";
import { syntheticEigenvalues } from "./synthetic-eigenvalues.ts";

export interface LayerSpec {
  name: string;
  shape: number[];
  dtype?: string;
  /** the tail exponent to synthesise; the reported α is the Hill estimate of the sampled tail */
  alpha?: number;
  /** report the power-law fit as failed (α = −1), as the reference does */
  fitFails?: boolean;
  /** give the randomized ESD a spike (a correlation trap) */
  trap?: boolean;
}

const log10 = Math.log10;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const EPS = 2.220446049250313e-16;

/**
 * One analysed layer with every column of the report filled from synthetic eigenvalues, using
 * the formulas of docs/metrics.md §3–5 where they are cheap (norms, α-norm, ranks, entropy) and
 * plausible stand-ins for the fits (Hill estimate for α, a bulk edge for the MP fit).
 */
export function makeLayer(spec: LayerSpec, layerId: number, random: () => number, randomize: boolean): AnalysedLayer {
  const conv = spec.shape.length === 4;
  const [rows, cols] = spec.shape;
  const rf = conv ? spec.shape[2] * spec.shape[3] : 1;
  const N = Math.max(rows, cols);
  const M = Math.min(rows, cols);
  const E = syntheticEigenvalues(M * rf, spec.alpha ?? 2 + random() * 4, 0.08 + random() * 0.1, random);
  const lambdaMax = E[E.length - 1];
  const norm = sum(E);
  const bulkMax = 1.5 * (0.95 + random() * 0.1);
  const tail = E.filter((e) => e >= 1.35);
  const xmin = tail[0];
  const hillAlpha = 1 + tail.length / sum(tail.map((e) => Math.log(e / xmin)));
  const alpha = spec.fitFails ? -1 : hillAlpha;
  const p = E.map((e) => e / norm + 1e-10);
  const matrixRank = E.filter((e) => Math.sqrt(e) > Math.sqrt(lambdaMax) * N * EPS).length;
  const histogram = compactHistogram(E, 40);
  const randomizedE = randomize ? syntheticEigenvalues(M * rf, spec.trap ? 1.8 : 40, spec.trap ? 0.02 : 0.001, random) : [];
  const randMax = randomize ? randomizedE[randomizedE.length - 1] : 0;
  return {
    layer_id: layerId,
    name: spec.name,
    layer_type: conv ? "conv2d" : "dense",
    N,
    M,
    Q: N / M,
    rf,
    num_evals: E.length,
    lambda_max: lambdaMax,
    sv_max: Math.sqrt(lambdaMax),
    sv_min: Math.sqrt(E[0]),
    rank_loss: 0,
    weak_rank_loss: E.filter((e) => e < 1e-6).length,
    alpha,
    D: spec.fitFails ? -1 : 0.02 + random() * 0.1,
    sigma: spec.fitFails ? -1 : (hillAlpha - 1) / Math.sqrt(tail.length),
    xmin: spec.fitFails ? -1 : xmin,
    xmax: lambdaMax,
    num_pl_spikes: spec.fitFails ? -1 : tail.length,
    warning: alpha < 2 ? "over-trained" : alpha > 6 ? "under-trained" : "",
    status: spec.fitFails ? "failed" : "success",
    norm,
    log_norm: log10(norm),
    spectral_norm: lambdaMax,
    log_spectral_norm: log10(lambdaMax),
    alpha_weighted: alpha * log10(lambdaMax),
    log_alpha_norm: log10(sum(E.map((e) => Math.pow(e, alpha)))),
    stable_rank: norm / lambdaMax,
    matrix_rank: matrixRank,
    entropy: -sum(p.map((q) => q * Math.log(q))) / Math.log(matrixRank + 1e-10),
    sigma_mp: Math.sqrt(bulkMax) / (1 + 1 / Math.sqrt(N / M)),
    num_spikes: E.filter((e) => e > bulkMax).length,
    mp_softrank: bulkMax / lambdaMax,
    bulk_max: bulkMax,
    bulk_min: 0.05,
    W_scale: 1,
    ...(randomize && {
      rand_distance: 0.05 + random() * 0.4,
      ww_softrank: randMax / lambdaMax,
      rand_num_spikes: spec.trap ? 1 + Math.floor(random() * 3) : 0,
      rand_sigma_mp: 1,
      rand_mp_softrank: 1.5 / randMax,
      rand_bulk_max: 1.5,
      rand_bulk_min: 0.05,
      rand_lambda_max: randMax,
    }),
    shape: spec.shape,
    dtype: spec.dtype ?? "F32",
    esd: {
      ...histogram,
      tail: E.slice(-32).reverse(),
      fit: spec.fitFails ? null : { alpha, xmin, xmax: lambdaMax },
      mp: { bulk_min: 0.05, bulk_max: bulkMax },
      ...(randomize && {
        randomized_counts: compactHistogram(randomizedE, 40, {
          lo: Math.pow(10, histogram.log10_edges[0]),
          hi: Math.pow(10, histogram.log10_edges[40]),
        }).counts,
      }),
    },
  };
}
