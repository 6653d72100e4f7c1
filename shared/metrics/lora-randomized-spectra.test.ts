import { describe, expect, it } from "vitest";
import type { AnalysedLayer } from "../report/schema.ts";
import type { LayerSpectrum } from "../esd/types.ts";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { planLayers } from "../plan/plan-layers.ts";
import { jacobiSingularValues } from "../linalg/jacobi-singular-values.ts";
import { loraEigenvalues } from "../linalg/lora-eigenvalues.ts";
import { layerSeed } from "../analyze/layer-seed.ts";
import { analyzeLayer } from "../analyze/analyze-layer.ts";
import { createRng } from "./create-rng.ts";
import { indexPermutation } from "./index-permutation.ts";
import { measureLayer } from "./measure-layer.ts";
import { loraRandomizedSpectra } from "./lora-randomized-spectra.ts";
import { seededRandom } from "../../test/helpers/seeded-random.ts";

const f32 = (name: string, shape: number[], begin: number) => ({ name, dtype: "F32" as const, shape, begin, end: begin + 4 * shape[0] * shape[1], file: "adapter_model.safetensors" });

function pair(r: number, inDim: number, out: number, seed: number) {
  const random = seededRandom(seed);
  const a = Float32Array.from({ length: r * inDim }, () => random() - 0.5);
  const b = Float32Array.from({ length: out * r }, () => random() - 0.5);
  const A = f32("m.q_proj.lora_A.weight", [r, inDim], 64);
  const B = f32("m.q_proj.lora_B.weight", [out, r], A.end);
  const [plan] = planLayers([A, B]);
  return { plan, a, b, values: Float32Array.of(...a, ...b) };
}

/**
 * What the reference does, in float64 without a Gram: B·A formed (each entry rounded to float32,
 * its float32 np.dot), its flattened entries permuted, the result read as a matrix of that size
 * (the reference reshapes to out × in; a uniform shuffle laid out in any shape has the same
 * distribution, and heavytail lays it out tall), its singular values by one-sided Jacobi, the largest min(r, M) squared; one
 * replica per permutation, drawn from the generator in turn.
 */
function referenceReplicas(a: Float32Array, b: Float32Array, r: number, inDim: number, out: number, seed: number, replicas: number): Float64Array[] {
  const n = out * inDim;
  const product = Float64Array.from({ length: n }, (_, p) => {
    const [i, j] = [Math.floor(p / inDim), p % inDim];
    let s = 0;
    for (let k = 0; k < r; k++) s += b[i * r + k] * a[k * inDim + j];
    return Math.fround(s);
  });
  const rng = createRng(seed);
  return Array.from({ length: replicas }, () => {
    const permutation = indexPermutation(n, rng);
    const shuffled = Float64Array.from({ length: n }, (_, e) => product[permutation(e)]);
    // read as max(out, in) × min(out, in), row-major, as heavytail lays the shuffle out (Jacobi wants k ≤ rows)
    const [rows, cols] = [Math.max(out, inDim), Math.min(out, inDim)];
    const columns = Array.from({ length: cols }, (_, j) => Float64Array.from({ length: rows }, (_, i) => shuffled[i * cols + j]));
    const s = [...jacobiSingularValues(columns)].sort((x, y) => x - y);
    return Float64Array.from(s.slice(-Math.min(r, cols)), (v) => v * v);
  });
}

const RAND_COLUMNS = ["rand_distance", "ww_softrank", "ww_maxdist", "rand_num_spikes", "rand_sigma_mp", "rand_mp_softrank", "rand_W_scale", "rand_bulk_max", "rand_bulk_min", "rand_lambda_max"] as const;

describe("loraRandomizedSpectra", () => {
  for (const [r, inDim, out] of [[12, 30, 20], [10, 24, 40]] as const) {
    it(`gives the reference's shuffles of B·A, the top r of each, five of them below r = 100 (r=${r}, ${out}×${inDim})`, async () => {
      const { plan, a, b } = pair(r, inDim, out, r + inDim);
      const seed = 77;
      const got = await loraRandomizedSpectra(plan, a, b, createRng(seed));
      const want = referenceReplicas(a, b, r, inDim, out, seed, 5);
      expect(got).toHaveLength(5);
      got.forEach((replica, k) => {
        const values = replica.slices[0];
        expect(values).toHaveLength(Math.min(r, inDim, out));
        const top = want[k][want[k].length - 1];
        values.forEach((v, i) => expect(Math.abs(v - want[k][i]) / top).toBeLessThan(1e-12));
      });
    });
  }

  it("gives the layer's randomization columns from those spectra, the same for the same seed and others for another", async () => {
    const [r, inDim, out] = [12, 30, 20];
    const { plan, a, b, values } = pair(r, inDim, out, 5);
    const seed = 3;
    const layer = await analyzeLayer(plan, arrayValueReader(values), { randomize: true, seed });
    const E = loraEigenvalues(r, inDim, out, a, b);
    const replicas: LayerSpectrum[] = referenceReplicas(a, b, r, inDim, out, layerSeed(seed, plan.layer_id), 5).map((v) => ({ slices: [v], numericallyZero: [new Uint8Array(v.length)] }));
    const want = measureLayer(plan, { slices: [E], numericallyZero: [new Uint8Array(r)] }, replicas);
    for (const key of RAND_COLUMNS) {
      const [g, w] = [layer[key] as number, want[key] as number];
      expect(typeof g, key).toBe("number");
      expect(Math.abs(g - w), key).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
    }

    const again = await analyzeLayer(plan, arrayValueReader(values), { randomize: true, seed });
    expect(again).toEqual(layer);
    const other: AnalysedLayer = await analyzeLayer(plan, arrayValueReader(values), { randomize: true, seed: seed + 1 });
    expect(other.rand_lambda_max).not.toBe(layer.rand_lambda_max);
    expect([other.lambda_max, other.alpha]).toEqual([layer.lambda_max, layer.alpha]);
  });

  it("takes one shuffle from r = 100, as the reference's num_components = r", async () => {
    const { plan, a, b } = pair(100, 120, 110, 8);
    const got = await loraRandomizedSpectra(plan, a, b, createRng(1));
    expect(got).toHaveLength(1);
    expect(got[0].slices[0]).toHaveLength(100);
  });
});
