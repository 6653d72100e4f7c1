import type { GramLayout } from "./gram-layout.ts";
import { EsdError } from "./esd-error.ts";

export interface TallGramAccumulator {
  /** values in storage order, continuing exactly where the previous push stopped (may end mid-row) */
  push(values: Float32Array): void;
  /** adds the buffered rows and returns one full symmetric cols×cols Gram per slice */
  finish(): Float64Array[];
  /** whole rows taken so far */
  readonly rows: number;
  /** bytes of the Grams and the row-block buffer */
  readonly allocatedBytes: number;
}

export const DEFAULT_BLOCK_ROWS = 64;

/**
 * G_s = Σ over rows of w_s wᵀ_s for each slice s, for matrices with rows ≥ cols. Rows are
 * buffered b at a time, transposed per slice, then added as a level-3 update G += BᵀB (lower
 * triangle; mirrored by finish). Memory: rf·cols²·8 bytes of Grams plus rf·cols·b·8 of buffer,
 * whatever the number of rows.
 */
export function createTallGramAccumulator(layout: GramLayout, options: { blockRows?: number } = {}): TallGramAccumulator {
  const blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS;
  if (!Number.isSafeInteger(blockRows) || blockRows < 1) throw new EsdError("invalid_option", `blockRows must be a positive integer, got ${blockRows}`);
  const { cols: m, rf, rowLength, scale } = layout;
  const grams = Array.from({ length: rf }, () => new Float64Array(m * m));
  const blocks = Array.from({ length: rf }, () => new Float64Array(m * blockRows));
  let rowInBlock = 0;
  let column = 0;
  let slice = 0;
  let rows = 0;
  let finished = false;

  // G += BᵀB on the lower triangle, two rows by two columns at a time: each pass over the block
  // loads four columns for four products (the sums keep the plain dot-product order)
  const flush = (count: number) => {
    for (let s = 0; s < rf; s++) {
      const g = grams[s];
      const bt = blocks[s];
      const dot = (i: number, j: number) => {
        let sum = 0;
        for (let r = 0, bi = i * blockRows, bj = j * blockRows; r < count; r++) sum += bt[bi + r] * bt[bj + r];
        return sum;
      };
      let i = 0;
      for (; i + 1 < m; i += 2) {
        const a0 = i * blockRows;
        const a1 = a0 + blockRows;
        const g0 = i * m;
        const g1 = g0 + m;
        let j = 0;
        for (; j + 1 <= i; j += 2) {
          const c0 = j * blockRows;
          const c1 = c0 + blockRows;
          let s00 = 0;
          let s01 = 0;
          let s10 = 0;
          let s11 = 0;
          for (let r = 0; r < count; r++) {
            const x0 = bt[a0 + r];
            const x1 = bt[a1 + r];
            const y0 = bt[c0 + r];
            const y1 = bt[c1 + r];
            s00 += x0 * y0;
            s01 += x0 * y1;
            s10 += x1 * y0;
            s11 += x1 * y1;
          }
          g[g0 + j] += s00;
          g[g0 + j + 1] += s01;
          g[g1 + j] += s10;
          g[g1 + j + 1] += s11;
        }
        // the diagonal pair: (i, i), (i+1, i), (i+1, i+1)
        g[g0 + i] += dot(i, i);
        g[g1 + i] += dot(i + 1, i);
        g[g1 + i + 1] += dot(i + 1, i + 1);
      }
      if (i < m) for (let j = 0; j <= i; j++) g[i * m + j] += dot(i, j);
    }
  };

  return {
    push(values) {
      if (finished) throw new EsdError("invalid_option", "push after finish");
      for (let k = 0; k < values.length; k++) {
        const x = scale === 1 ? values[k] : Math.fround(values[k] * scale);
        blocks[slice][column * blockRows + rowInBlock] = x;
        if (++slice === rf) {
          slice = 0;
          if (++column === m) {
            column = 0;
            rows++;
            if (++rowInBlock === blockRows) {
              flush(blockRows);
              rowInBlock = 0;
            }
          }
        }
      }
    },
    finish() {
      if (finished) throw new EsdError("invalid_option", "finish called twice");
      if (column !== 0 || slice !== 0) throw new EsdError("reader_mismatch", `values stopped in the middle of row ${rows} (${column * rf + slice} of ${rowLength} values)`);
      finished = true;
      if (rowInBlock > 0) flush(rowInBlock);
      for (const g of grams) {
        for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) g[j * m + i] = g[i * m + j];
      }
      return grams;
    },
    get rows() {
      return rows;
    },
    allocatedBytes: 8 * rf * (m * m + m * blockRows),
  };
}
