import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "../esd/types.ts";
import type { Num } from "../report/schema.ts";
import { fitMarchenkoPastur } from "../fit/fit-marchenko-pastur.ts";
import { allEigenvalues } from "./all-eigenvalues.ts";
import { jensenShannonDistance } from "./jensen-shannon-distance.ts";
import { finiteOrNull } from "./finite-or-null.ts";

export interface RandomizationColumns {
  rand_distance: Num;
  ww_softrank: Num;
  ww_maxdist: Num;
  rand_num_spikes: number;
  rand_sigma_mp: Num;
  rand_mp_softrank: Num;
  rand_W_scale: Num;
  rand_bulk_max: Num;
  rand_bulk_min: Num;
  rand_lambda_max: Num;
}

/** ww_softrank = max(R) / max(E) */
export function wwSoftrank(E: Float64Array, R: Float64Array): number {
  return R[R.length - 1] / E[E.length - 1];
}

/** ww_maxdist = max(E) − max(R) */
export function wwMaxdist(E: Float64Array, R: Float64Array): number {
  return E[E.length - 1] - R[R.length - 1];
}

/** Every replica's eigenvalues in one ascending list: the reference's pooled randomized ESD (rand_evals). */
export function pooledEigenvalues(replicas: readonly LayerSpectrum[]): Float64Array {
  return allEigenvalues({ slices: replicas.flatMap((r) => r.slices), numericallyZero: replicas.flatMap((r) => r.numericallyZero) });
}

/**
 * The randomization columns from the layer's ESD E and its shuffled replicas, split as the
 * reference splits them: the MP fit (rand_num_spikes … rand_bulk_min) and max_rand_eval
 * (here rand_lambda_max) use all replicas pooled; rand_distance, ww_softrank and ww_maxdist use one
 * shuffle. The reference draws that one afresh; the first replica is drawn the same way, and taking
 * it saves an ESD per layer (each column has the reference's distribution; only for layers with one
 * replica does ww_softrank·λmax then equal max_rand_eval exactly, where the reference's differ by
 * shuffle noise).
 */
export function randomizationColumns(plan: LayerPlan, E: Float64Array, replicas: readonly LayerSpectrum[]): RandomizationColumns {
  const R = allEigenvalues(replicas[0]);
  const pooled = pooledEigenvalues(replicas);
  const mp = fitMarchenkoPastur(pooled, plan.N, plan.M);
  return {
    rand_distance: finiteOrNull(jensenShannonDistance(E, R)),
    ww_softrank: finiteOrNull(wwSoftrank(E, R)),
    ww_maxdist: finiteOrNull(wwMaxdist(E, R)),
    rand_num_spikes: mp.num_spikes,
    rand_sigma_mp: mp.sigma_mp,
    rand_mp_softrank: mp.mp_softrank,
    rand_W_scale: mp.W_scale,
    rand_bulk_max: mp.bulk_max,
    rand_bulk_min: mp.bulk_min,
    rand_lambda_max: finiteOrNull(pooled[pooled.length - 1]),
  };
}
