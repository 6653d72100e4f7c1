import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "../esd/types.ts";
import type { LayerColumns } from "../report/schema.ts";
import { fitPowerLaw } from "../fit/fit-power-law.ts";
import { fitMarchenkoPastur } from "../fit/fit-marchenko-pastur.ts";
import { allEigenvalues } from "./all-eigenvalues.ts";
import { rankColumns } from "./rank-columns.ts";
import { normMetrics } from "./norm-metrics.ts";
import { finiteOrNull } from "./finite-or-null.ts";
import { randomizationColumns } from "./randomization-columns.ts";
import { randomReplicaCount } from "./randomized-spectrum.ts";
import { HeavytailError } from "../errors/heavytail-error.ts";

export class MetricsError extends HeavytailError {
  declare readonly code: "invalid_spectrum";
  constructor(detail: string) {
    super("invalid_spectrum", 500, detail);
    this.name = "MetricsError";
  }
}

/**
 * Every per-layer column of docs/metrics.md §3–5 from a layer's spectrum (and, when randomization
 * ran, the spectra of its shuffled replicas: randomizedSpectra), named as the reference names them.
 */
export function measureLayer(plan: LayerPlan, spectrum: LayerSpectrum, randomized?: readonly LayerSpectrum[]): LayerColumns {
  if (plan.layer_type !== "dense" && plan.layer_type !== "conv2d") throw new MetricsError(`layer ${JSON.stringify(plan.name)} is not analysed`);
  if (spectrum.slices.length === 0 || spectrum.slices.some((s) => s.length === 0 || s.some((v) => !(v >= 0) || !Number.isFinite(v)))) {
    throw new MetricsError(`layer ${JSON.stringify(plan.name)}: every slice needs eigenvalues that are finite and ≥ 0`);
  }
  const E = allEigenvalues(spectrum);
  const fit = fitPowerLaw(E);
  const mp = fitMarchenkoPastur(E, plan.N, plan.M);
  const columns: LayerColumns = {
    layer_id: plan.layer_id,
    name: plan.name,
    layer_type: plan.layer_type,
    N: plan.N,
    M: plan.M,
    Q: plan.N / plan.M,
    rf: plan.rf,
    num_evals: E.length,
    lambda_max: finiteOrNull(E[E.length - 1]),
    ...rankColumns(spectrum, plan.N),
    alpha: fit.alpha,
    D: fit.D,
    sigma: fit.sigma,
    xmin: fit.xmin,
    xmax: fit.xmax,
    num_pl_spikes: fit.num_pl_spikes,
    warning: fit.warning,
    status: fit.status,
    ...normMetrics(E, fit.alpha, plan.N),
    ...mp,
  };
  if (!randomized) return columns;

  const replicas = randomReplicaCount(plan);
  if (randomized.length !== replicas) throw new MetricsError(`layer ${JSON.stringify(plan.name)}: needs ${replicas} randomized replicas, got ${randomized.length}`);
  for (const replica of randomized) {
    const count = replica.slices.reduce((n, s) => n + s.length, 0);
    if (count !== E.length) throw new MetricsError(`layer ${JSON.stringify(plan.name)}: randomized spectrum has ${count} eigenvalues, not ${E.length}`);
  }
  return { ...columns, ...randomizationColumns(plan, E, randomized) };
}
