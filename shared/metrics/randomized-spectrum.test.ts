import { describe, expect, it } from "vitest";
import type { LayerPlan } from "../plan/types.ts";
import { planLayers } from "../plan/plan-layers.ts";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { computeLayerSpectrum } from "../esd/compute-layer-spectrum.ts";
import { randomizedSpectra, randomReplicaCount, shuffleInPlace } from "./randomized-spectrum.ts";
import { createRng } from "./create-rng.ts";

function planFor(shape: number[]): LayerPlan {
  const count = shape.reduce((p, d) => p * d, 1);
  return planLayers([{ name: "layer.weight", dtype: "F32", shape, begin: 0, end: 4 * count, file: "model.safetensors" }])[0];
}

/** a strongly structured matrix: rank one plus a little noise */
function structured(rows: number, cols: number): Float32Array {
  const rng = createRng(9);
  return Float32Array.from({ length: rows * cols }, (_, k) => Math.sin(Math.floor(k / cols)) * Math.cos(k % cols) + 0.01 * rng.uniform());
}

const sum = (a: Float64Array[]) => a.reduce((s, x) => s + x.reduce((t, v) => t + v, 0), 0);

describe("randomReplicaCount", () => {
  it("pools 5 shuffles below 100 components (M·rf, the reference's n_comp), else takes one", () => {
    expect(randomReplicaCount(planFor([60, 20]))).toBe(5);
    expect(randomReplicaCount(planFor([300, 99]))).toBe(5);
    expect(randomReplicaCount(planFor([300, 100]))).toBe(1);
    expect(randomReplicaCount(planFor([240, 1, 5, 5]))).toBe(5); // M·rf = 25
    expect(randomReplicaCount(planFor([64, 12, 3, 3]))).toBe(1); // M·rf = 108
    // out < in with rf even leaves the reference's M = in (its swap quirk): 40·4 = 160 ≥ 100, although only 20·4 = 80 eigenvalues
    const quirk = planFor([20, 40, 2, 2]);
    expect([quirk.N, quirk.M]).toEqual([20, 40]);
    expect(randomReplicaCount(quirk)).toBe(1);
  });
});

describe("shuffleInPlace", () => {
  it("gives every permutation with the same frequency (χ² over the 24 orders of 4 values)", () => {
    const rng = createRng(5);
    const counts = new Map<string, number>();
    const draws = 48000;
    for (let i = 0; i < draws; i++) {
      const v = Float32Array.of(0, 1, 2, 3);
      shuffleInPlace(v, rng);
      counts.set(v.join(""), (counts.get(v.join("")) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    const expected = draws / 24;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // χ² with 23 degrees of freedom: 49.7 is its 0.999 quantile
    expect(chi2).toBeLessThan(49.7);
  });
});

describe("randomizedSpectra", () => {
  it("keeps the Frobenius norm, breaks the structure, pools 5 replicas for a small layer, and repeats for a seed", async () => {
    const plan = planFor([60, 20]);
    const values = structured(60, 20);
    const original = await computeLayerSpectrum(plan, arrayValueReader(values, 17));
    const replicas = await randomizedSpectra(plan, Float32Array.from(values), createRng(1));
    expect(replicas).toHaveLength(5);
    for (const shuffled of replicas) {
      expect(sum(shuffled.slices)).toBeCloseTo(sum(original.slices), 10);
      // the rank-one spike is gone
      expect(shuffled.slices[0][19] / original.slices[0][19]).toBeLessThan(0.5);
    }
    // independent shuffles, not one repeated
    expect(replicas[1].slices[0]).not.toEqual(replicas[0].slices[0]);
    expect(await randomizedSpectra(plan, Float32Array.from(values), createRng(1))).toEqual(replicas);
    expect(await randomizedSpectra(plan, Float32Array.from(values), createRng(2))).not.toEqual(replicas);
  });

  it("takes one shuffle for a layer of 100 components or more", async () => {
    const plan = planFor([120, 100]);
    const replicas = await randomizedSpectra(plan, structured(120, 100), createRng(4));
    expect(replicas).toHaveLength(1);
    expect(replicas[0].slices[0]).toHaveLength(100);
  });

  it("shuffles each conv2d slice within itself", async () => {
    const plan = planFor([12, 5, 1, 3]);
    const values = structured(12, 15);
    const original = await computeLayerSpectrum(plan, arrayValueReader(values));
    const replicas = await randomizedSpectra(plan, values, createRng(3));
    expect(replicas).toHaveLength(5);
    for (const shuffled of replicas) {
      expect(shuffled.slices.length).toBe(3);
      shuffled.slices.forEach((s, i) => expect(sum([s])).toBeCloseTo(sum([original.slices[i]]), 10));
    }
  });
});

it("refuses values that are not the whole layer", async () => {
  await expect(randomizedSpectra(planFor([6, 4]), new Float32Array(23), createRng(1))).rejects.toThrow(/24 values, 23 were given/);
});
