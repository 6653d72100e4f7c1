import { expect } from "vitest";
import type { GramLayout } from "#shared/esd";

const U = 2 ** -24;

/**
 * Checks a GPU Gram against the float64 one entry by entry: |ΔG_ij| ≤ depth·u·(|W|ᵀ|W|)_ij (+ a
 * little for the float64 sums), the worst case of summing `depth` float32 products (test helper).
 */
export function expectGramWithinFloat32(layout: GramLayout, values: Float32Array, slice: number, gpuGram: Float64Array, exactGram: Float64Array, depth: number): void {
  const { rows, cols, rf, scale, side, order: n } = layout;
  const w = (r: number, c: number) => Math.fround(values[(r * cols + c) * rf + slice] * scale);
  let checked = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let magnitude = 0;
      if (side === "columns") for (let r = 0; r < rows; r++) magnitude += Math.abs(w(r, i) * w(r, j));
      else for (let c = 0; c < cols; c++) magnitude += Math.abs(w(i, c) * w(j, c));
      const bound = depth * U * magnitude + 1e-15 * magnitude;
      const error = Math.abs(gpuGram[i * n + j] - exactGram[i * n + j]);
      if (error > bound) expect.fail(`slice ${slice} entry (${i}, ${j}): |${gpuGram[i * n + j]} − ${exactGram[i * n + j]}| > ${bound}`);
      expect(gpuGram[i * n + j]).toBe(gpuGram[j * n + i]);
      checked++;
    }
  }
  expect(checked).toBe(n * n);
}
