import { describe, expect, it } from "vitest";
import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "../esd/types.ts";
import { planLayers } from "../plan/plan-layers.ts";
import { measureLayer, MetricsError } from "./measure-layer.ts";
import { fitMarchenkoPastur } from "../fit/fit-marchenko-pastur.ts";
import { jensenShannonDistance } from "./jensen-shannon-distance.ts";

function planFor(shape: number[]): LayerPlan {
  const count = shape.reduce((p, d) => p * d, 1);
  return planLayers([{ name: "blocks.0.mlp.weight", dtype: "F32", shape, begin: 0, end: 4 * count, file: "model.safetensors" }])[0];
}

function spectrum(...slices: number[][]): LayerSpectrum {
  return { slices: slices.map((s) => Float64Array.from(s).sort()), numericallyZero: slices.map((s) => new Uint8Array(s.length)) };
}

const EPS = 2.220446049250313e-16;

describe("measureLayer", () => {
  const E = Array.from({ length: 40 }, (_, i) => 0.05 * (i + 1) + (i > 34 ? 4 * (i - 34) : 0));

  it("computes the norm metrics from the pooled eigenvalues and the fitted α", () => {
    const c = measureLayer(planFor([100, 40]), spectrum(E));
    const sum = E.reduce((s, v) => s + v, 0);
    const max = Math.max(...E);
    expect(c).toMatchObject({ name: "blocks.0.mlp", layer_type: "dense", N: 100, M: 40, Q: 2.5, rf: 1, num_evals: 40 });
    expect(c.norm).toBeCloseTo(sum, 12);
    expect(c.log_norm).toBeCloseTo(Math.log10(sum), 14);
    expect(c.spectral_norm).toBe(max);
    expect(c.lambda_max).toBe(max);
    expect(c.stable_rank).toBeCloseTo(sum / max, 13);
    expect(c.alpha_weighted).toBeCloseTo((c.alpha as number) * Math.log10(max), 13);
    expect(c.log_alpha_norm).toBeCloseTo(Math.log10(E.reduce((s, v) => s + v ** (c.alpha as number), 0)), 12);
    expect(c.matrix_rank).toBe(40);
    const p = E.map((v) => v / sum + 1e-10);
    expect(c.entropy).toBeCloseTo(-p.reduce((s, v) => s + v * Math.log(v), 0) / Math.log(40 + 1e-10), 13);
    expect(c.sv_max).toBeCloseTo(Math.sqrt(max), 14);
    expect(c.rand_distance).toBeUndefined();
  });

  it("takes sv_min as the largest of the slices' smallest singular values, and counts rank loss per slice", () => {
    const c = measureLayer(planFor([6, 5, 1, 2]), spectrum([0, 1, 4, 9, 16], [0.25, 1, 2, 3, 100]));
    expect(c.sv_min).toBe(0.5);
    expect(c.sv_max).toBe(10);
    expect(c.rank_loss).toBe(1);
    expect(c.weak_rank_loss).toBe(1);
    // matrix_rank uses the largest singular value over the whole layer: √E > 10·N·ε
    expect(c.matrix_rank).toBe(9);
    expect(10 * c.N * EPS).toBeLessThan(0.5);
  });

  it("reports an all-zero layer with nulls, never NaN or ±∞", () => {
    const c = measureLayer(planFor([30, 10]), spectrum(new Array(10).fill(0)));
    expect(c.status).toBe("failed");
    expect(c.alpha).toBe(-1);
    expect(c.log_norm).toBeNull();
    expect(c.log_spectral_norm).toBeNull();
    expect(c.stable_rank).toBeNull();
    expect(c.sigma_mp).toBeNull();
    for (const value of Object.values(c)) if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  });

  it("adds the randomization columns: MP fit and max_rand_eval from the pooled replicas, the distances from the first", () => {
    // 40 components: the reference pools 5 shuffles
    const replicas = [0, 1, 2, 3, 4].map((r) => E.map((_, i) => 1 + 0.01 * i + (i === 39 ? 0.1 * r : 0)));
    const c = measureLayer(planFor([100, 40]), spectrum(E), replicas.map((R) => spectrum(R)));
    const pooled = replicas.flat().sort((a, b) => a - b);
    const mp = fitMarchenkoPastur(pooled, 100, 40);
    expect(c.ww_softrank).toBeCloseTo(Math.max(...replicas[0]) / Math.max(...E), 14);
    expect(c.ww_maxdist).toBe(Math.max(...E) - Math.max(...replicas[0]));
    expect(c.rand_distance).toBe(jensenShannonDistance(Float64Array.from(E), Float64Array.from(replicas[0])));
    expect(c.rand_lambda_max).toBe(Math.max(...pooled));
    expect(c).toMatchObject({
      rand_num_spikes: mp.num_spikes,
      rand_sigma_mp: mp.sigma_mp,
      rand_mp_softrank: mp.mp_softrank,
      rand_W_scale: mp.W_scale,
      rand_bulk_max: mp.bulk_max,
      rand_bulk_min: mp.bulk_min,
    });
    // the pool's W_scale: √(5n) / √(5ΣR)
    const total = pooled.reduce((s, v) => s + v, 0);
    expect(c.rand_W_scale).toBeCloseTo(Math.sqrt(pooled.length / total), 14);
  });

  it("refuses randomized spectra of another size or another replica count than the reference pools", () => {
    const R = E.map((_, i) => 1 + 0.01 * i);
    const five = (r: number[]) => [r, r, r, r, r].map((x) => spectrum(x));
    expect(() => measureLayer(planFor([100, 40]), spectrum(E), five(R.slice(1)))).toThrow(/39 eigenvalues, not 40/);
    expect(() => measureLayer(planFor([100, 40]), spectrum(E), [spectrum(R)])).toThrow(/needs 5 randomized replicas, got 1/);
    const large = Array.from({ length: 100 }, (_, i) => 1 + i);
    expect(() => measureLayer(planFor([200, 100]), spectrum(large), five(large))).toThrow(/needs 1 randomized replicas, got 5/);
  });

  it("rejects negative or non-finite eigenvalues", () => {
    expect(() => measureLayer(planFor([10, 3]), spectrum([-1, 1, 2]))).toThrow(MetricsError);
    expect(() => measureLayer(planFor([10, 3]), spectrum([Number.NaN, 1, 2]))).toThrow(MetricsError);
  });
});
