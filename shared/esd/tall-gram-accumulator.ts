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

  const flush = (count: number) => {
    for (let s = 0; s < rf; s++) {
      const g = grams[s];
      const bt = blocks[s];
      for (let i = 0; i < m; i++) {
        const bi = i * blockRows;
        const gi = i * m;
        for (let j = 0; j <= i; j++) {
          const bj = j * blockRows;
          let sum = 0;
          for (let r = 0; r < count; r++) sum += bt[bi + r] * bt[bj + r];
          g[gi + j] += sum;
        }
      }
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
