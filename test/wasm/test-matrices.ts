import { seededRandom } from "../helpers/seeded-random.ts";

/** A symmetric test matrix, built deterministically from a seed (float32 weights, float64 Gram). */
export interface TestMatrix {
  name: string;
  n: number;
  /** full symmetric row-major n×n */
  a: Float64Array;
}

/** rows×cols float32 weights, uniform on [−1, 1), from a seed */
export function seededWeights(rows: number, cols: number, seed: number): Float32Array {
  const next = seededRandom(seed);
  const w = new Float32Array(rows * cols);
  for (let i = 0; i < w.length; i++) w[i] = Math.fround(2 * next() - 1);
  return w;
}

/** WᵀW in float64 (products of float32 values are exact; sums in index order) */
export function gramOf(w: Float32Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < cols; i++) {
      const wi = w[r * cols + i];
      for (let j = 0; j <= i; j++) g[i * cols + j] += wi * w[r * cols + j];
    }
  }
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) g[j * cols + i] = g[i * cols + j];
  return g;
}

function gram(name: string, rows: number, cols: number, seed: number, edit?: (w: Float32Array) => void): TestMatrix {
  const w = seededWeights(rows, cols, seed);
  edit?.(w);
  return { name, n: cols, a: gramOf(w, rows, cols) };
}

function symmetric(name: string, n: number, seed: number): TestMatrix {
  const next = seededRandom(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = 2 * next() - 1;
  return { name, n, a };
}

/**
 * The cases the WASM solver is checked on against numpy: tiny orders, orders that are not
 * multiples of the SIMD width or of the panel width, indefinite matrices, rank-deficient Grams
 * (more columns than rows, duplicated and zero columns), and repeated eigenvalues.
 */
export function testMatrices(): TestMatrix[] {
  return [
    gram("gram 4x1", 4, 1, 1),
    gram("gram 5x2", 5, 2, 2),
    gram("gram 7x3", 7, 3, 3),
    symmetric("indefinite 1", 1, 4),
    symmetric("indefinite 2", 2, 5),
    symmetric("indefinite 3", 3, 6),
    symmetric("indefinite 5", 5, 7),
    gram("gram 40x7", 40, 7, 8),
    gram("gram 100x33", 100, 33, 9),
    symmetric("indefinite 67", 67, 10),
    gram("gram 300x130", 300, 130, 11),
    gram("rank 10 of 40", 10, 40, 12),
    gram("duplicated and zero columns", 80, 50, 13, (w) => {
      for (let r = 0; r < 80; r++) {
        w[r * 50 + 7] = w[r * 50 + 3];
        w[r * 50 + 20] = w[r * 50 + 3];
        w[r * 50 + 11] = 0;
        w[r * 50 + 49] = 0;
      }
    }),
    { name: "identity 9 (one eigenvalue, repeated)", n: 9, a: identity(9) },
    gram("gram 400x201", 400, 201, 14),
  ];
}

function identity(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  return a;
}
