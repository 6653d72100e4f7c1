import { describe, expect, it } from "vitest";
import type { LayerPlan } from "../plan/types.ts";
import { planLayers } from "../plan/plan-layers.ts";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { computeLayerSpectrum } from "../esd/compute-layer-spectrum.ts";
import { randomizedSpectrum } from "./randomized-spectrum.ts";
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

describe("randomizedSpectrum", () => {
  it("keeps the Frobenius norm, breaks the structure, and repeats for a seed", async () => {
    const plan = planFor([60, 20]);
    const values = structured(60, 20);
    const original = await computeLayerSpectrum(plan, arrayValueReader(values, 17));
    const shuffled = await randomizedSpectrum(plan, Float32Array.from(values), createRng(1));
    expect(sum(shuffled.slices)).toBeCloseTo(sum(original.slices), 10);
    // the rank-one spike is gone
    expect(shuffled.slices[0][19] / original.slices[0][19]).toBeLessThan(0.5);
    expect(await randomizedSpectrum(plan, Float32Array.from(values), createRng(1))).toEqual(shuffled);
    expect(await randomizedSpectrum(plan, Float32Array.from(values), createRng(2))).not.toEqual(shuffled);
  });

  it("shuffles each conv2d slice within itself", async () => {
    const plan = planFor([12, 5, 1, 3]);
    const values = structured(12, 15);
    const original = await computeLayerSpectrum(plan, arrayValueReader(values));
    const shuffled = await randomizedSpectrum(plan, values, createRng(3));
    expect(shuffled.slices.length).toBe(3);
    shuffled.slices.forEach((s, i) => expect(sum([s])).toBeCloseTo(sum([original.slices[i]]), 10));
  });
});

it("refuses values that are not the whole layer", async () => {
  await expect(randomizedSpectrum(planFor([6, 4]), new Float32Array(23), createRng(1))).rejects.toThrow(/24 values, 23 were given/);
});
