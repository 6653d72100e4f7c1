import { describe, expect, it } from "vitest";
import type { LayerPlan } from "../plan/types.ts";
import { planLayers } from "../plan/plan-layers.ts";
import { createRng } from "../metrics/create-rng.ts";
import { eigvalsh, type Eigvalsh } from "../linalg/eigvalsh.ts";
import { jacobiSingularValues } from "../linalg/jacobi-singular-values.ts";
import { computeLayerSpectrum } from "./compute-layer-spectrum.ts";
import { arrayValueReader } from "./array-value-reader.ts";
import { computeLayerGrams } from "./compute-layer-grams.ts";

function planFor(shape: number[]): LayerPlan {
  const count = shape.reduce((p, d) => p * d, 1);
  return planLayers([{ name: "layer.weight", dtype: "F32", shape, begin: 0, end: 4 * count, file: "model.safetensors" }])[0];
}

function randomRows(rows: number, cols: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: rows * cols }, () => rng.uniform() * 2 - 1);
}

/** singular values of a rows × cols float32 matrix by one-sided Jacobi on its columns: accurate to the last bits, tiny ones included */
function referenceSingularValues(w: Float32Array, rows: number, cols: number): Float64Array {
  const columns = Array.from({ length: cols }, (_, c) => Float64Array.from({ length: rows }, (_, r) => w[r * cols + c]));
  const rowsAsColumns = Array.from({ length: rows }, (_, r) => Float64Array.from(w.subarray(r * cols, (r + 1) * cols)));
  return jacobiSingularValues(rows >= cols ? columns : rowsAsColumns);
}

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = w[r * cols + c];
  return t;
}

describe("computeLayerSpectrum", () => {
  it("gives the squared singular values, ascending", async () => {
    const w = randomRows(60, 25, 1);
    const { slices, numericallyZero } = await computeLayerSpectrum(planFor([60, 25]), arrayValueReader(w, 77));
    const sigma = referenceSingularValues(w, 60, 25);
    const lambdaMax = sigma[24] ** 2;
    slices[0].forEach((l, i) => expect(Math.abs(l - sigma[i] ** 2) / lambdaMax).toBeLessThan(1e-14));
    expect(Array.from(numericallyZero[0])).toEqual(new Array(25).fill(0));
  });

  it("gives the same spectrum for a wide matrix as for its transpose", async () => {
    const w = randomRows(20, 90, 2);
    const wide = await computeLayerSpectrum(planFor([20, 90]), arrayValueReader(w, 31), { panelBytes: 3 * 90 * 8 });
    const tall = await computeLayerSpectrum(planFor([90, 20]), arrayValueReader(transpose(w, 20, 90), 31));
    const lambdaMax = tall.slices[0][19];
    wide.slices[0].forEach((l, i) => expect(Math.abs(l - tall.slices[0][i]) / lambdaMax).toBeLessThan(1e-14));
  });

  it("finds exact zeros of a rank-deficient matrix and clamps them to 0", async () => {
    const [rows, cols] = [50, 12];
    const w = randomRows(rows, cols, 3);
    // columns 3 and 7 duplicate column 0 (W has rank 10), column 11 is all zero
    for (let r = 0; r < rows; r++) {
      w[r * cols + 3] = w[r * cols];
      w[r * cols + 7] = w[r * cols];
      w[r * cols + 11] = 0;
    }
    for (const refine of [true, false]) {
      const { slices, numericallyZero } = await computeLayerSpectrum(planFor([rows, cols]), arrayValueReader(w), { refine });
      expect(Array.from(numericallyZero[0])).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(Array.from(slices[0].subarray(0, 3))).toEqual([0, 0, 0]);
      expect(slices[0][3]).toBeGreaterThan(0.01);
    }
  });

  it("resolves a tiny but real singular value that the Gram alone cannot", async () => {
    const [rows, cols] = [80, 30];
    const w = randomRows(rows, cols, 4);
    // column 29 = column 0 + column 1, rounded to float32: independent only through rounding,
    // σmin ≈ 1e-8·σmax, far below what WᵀW in float64 can show (its noise is ≈ ε·σmax²)
    for (let r = 0; r < rows; r++) w[r * cols + 29] = Math.fround(w[r * cols] + w[r * cols + 1]);
    const sigma = referenceSingularValues(w, rows, cols);
    expect(sigma[0] / sigma[29]).toBeLessThan(1e-6);
    const refined = await computeLayerSpectrum(planFor([rows, cols]), arrayValueReader(w));
    expect(Math.abs(Math.sqrt(refined.slices[0][0]) - sigma[0]) / sigma[0]).toBeLessThan(1e-6);
    expect(refined.numericallyZero[0][0]).toBe(0);
    const gramOnly = await computeLayerSpectrum(planFor([rows, cols]), arrayValueReader(w), { refine: false });
    expect(Math.abs(Math.sqrt(gramOnly.slices[0][0]) - sigma[0]) / sigma[0]).toBeGreaterThan(1e-3);
  });

  it("refines wide layers and conv2d slices too", async () => {
    // a 1×1 conv [out=10, in=40]: wide, rows of W_0 are output channels; channel 9 = channel 0 + channel 1
    const w = randomRows(10, 40, 5);
    for (let c = 0; c < 40; c++) w[9 * 40 + c] = Math.fround(w[c] + w[40 + c]);
    const plan = planFor([10, 40, 1, 1]);
    const scaled = w.map((x) => Math.fround(x * plan.scale));
    const sigma = referenceSingularValues(scaled, 10, 40);
    const { slices } = await computeLayerSpectrum(plan, arrayValueReader(w, 13), { panelBytes: 4 * 40 * 8 });
    expect(Math.abs(Math.sqrt(slices[0][0]) - sigma[0]) / sigma[0]).toBeLessThan(1e-6);
  });

  it("keeps the Gram's noise-floor verdict when the small subspace is over the limit", async () => {
    const [rows, cols] = [80, 30];
    const w = randomRows(rows, cols, 6);
    for (let r = 0; r < rows; r++) w[r * cols + 29] = Math.fround(w[r * cols] + w[r * cols + 1]);
    const { numericallyZero } = await computeLayerSpectrum(planFor([rows, cols]), arrayValueReader(w), { maxSubspace: 2 });
    expect(numericallyZero[0][0]).toBe(1);
  });

  it("takes the refinement's basis from the eigensolver's reduction, or from a Gram of its own, with the same result", async () => {
    // tall and wide, each with one exact zero (a repeated column / row) and one tiny real singular value
    for (const [rows, cols] of [[70, 24], [24, 70]]) {
      const w = randomRows(rows, cols, 8);
      const at = (r: number, c: number) => (rows >= cols ? r * cols + c : c * cols + r);
      for (let k = 0; k < Math.max(rows, cols); k++) {
        w[at(k, Math.min(rows, cols) - 1)] = w[at(k, 0)];
        w[at(k, Math.min(rows, cols) - 2)] = Math.fround(w[at(k, 1)] + w[at(k, 2)]);
      }
      const plan = planFor([rows, cols]);
      const sigma = referenceSingularValues(w, rows, cols);
      const reduced = await computeLayerSpectrum(plan, arrayValueReader(w, 29), { panelBytes: 5 * cols * 8 });
      let plainCalls = 0;
      const noReduction: Eigvalsh = (n, a) => (plainCalls++, eigvalsh(n, a));
      const ownGram = await computeLayerSpectrum(plan, arrayValueReader(w, 29), { panelBytes: 5 * cols * 8, eigvalsh: noReduction });
      const float32 = await computeLayerSpectrum(plan, arrayValueReader(w, 29), {
        panelBytes: 5 * cols * 8,
        grams: async (p, r) => ({ ...(await computeLayerGrams(p, r)), precision: "float32" as const }),
      });
      expect(plainCalls).toBe(1);
      for (const s of [reduced, ownGram, float32]) {
        expect(s.numericallyZero[0][0]).toBe(1);
        expect(s.numericallyZero[0][1]).toBe(0);
        expect(s.slices[0][0]).toBe(0);
        // σ ≈ 1e-8·σmax: an SVD itself resolves it only to ε·σmax/σ ≈ 2e-8 (the tolerance is 1e-6)
        expect(Math.abs(Math.sqrt(s.slices[0][1]) - sigma[1]) / sigma[1]).toBeLessThan(1e-8);
      }
      expect(sigma[1] / sigma[sigma.length - 1]).toBeLessThan(1e-6);
    }
  });

  it("uses an injected eigensolver", async () => {
    let calls = 0;
    const counting: Eigvalsh = (n, a) => (calls++, eigvalsh(n, a));
    const { slices } = await computeLayerSpectrum(planFor([8, 6, 3, 3]), arrayValueReader(randomRows(8, 54, 7)), { eigvalsh: counting });
    expect(calls).toBe(9);
    expect(slices.length).toBe(9);
  });
});
