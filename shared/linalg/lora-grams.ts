/** values of a row kept in cache while every pair of rows is multiplied over them */
const PANEL = 512;

/**
 * The two r × r Grams of a LoRA pair, A [r, in] and B [out, r] row-major: G_A = A·Aᵀ and
 * G_B = BᵀB, full symmetric, row-major, summed in float64. An engine's kernel (the WASM one:
 * wasmLoraGrams) may take its inputs as float32, exact for the values a weight file stores
 * (bf16, f16, f32), so callers hand it values read from storage only.
 */
export type LoraGrams = (r: number, inDim: number, outDim: number, a: Float32Array | Float64Array, b: Float32Array | Float64Array) => { gramA: Float64Array; gramB: Float64Array };

/** The Grams in blocked float64 JavaScript loops: the fallback for engines without a Gram kernel. */
export const loraGramsJs: LoraGrams = (r, inDim, outDim, a, b) => {
  const gramA = new Float64Array(r * r);
  for (let t = 0; t < inDim; t += PANEL) addRowGram(r, gramA, a, inDim, t, Math.min(inDim, t + PANEL));
  mirrorLower(r, gramA);
  return { gramA, gramB: columnGram(r, outDim, b) };
};

/**
 * G[i, j] += Σ_{t0 ≤ t < t1} X[i, t]·X[j, t] for j ≤ i (row i of X at i·stride), four rows by four
 * at a time so that each value loaded feeds four products; rows past r repeat row r − 1 and their
 * sums are dropped.
 */
function addRowGram(r: number, g: Float64Array, x: Float32Array | Float64Array, stride: number, t0: number, t1: number): void {
  const tile = new Float64Array(16);
  const row = (i: number) => Math.min(i, r - 1) * stride;
  for (let i0 = 0; i0 < r; i0 += 4) {
    const p0 = row(i0), p1 = row(i0 + 1), p2 = row(i0 + 2), p3 = row(i0 + 3);
    for (let j0 = 0; j0 <= i0; j0 += 4) {
      const q0 = row(j0), q1 = row(j0 + 1), q2 = row(j0 + 2), q3 = row(j0 + 3);
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let t = t0; t < t1; t++) {
        const x0 = x[p0 + t], x1 = x[p1 + t], x2 = x[p2 + t], x3 = x[p3 + t];
        const y0 = x[q0 + t], y1 = x[q1 + t], y2 = x[q2 + t], y3 = x[q3 + t];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      tile.set([s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33]);
      for (let u = 0; u < 4 && i0 + u < r; u++) {
        for (let v = 0; v < 4 && j0 + v <= i0 + u; v++) g[(i0 + u) * r + j0 + v] += tile[4 * u + v];
      }
    }
  }
}

/** BᵀB (r × r, full) for B [rows, r] row-major: Bᵀ panel by panel, then the rows' Gram of each. */
function columnGram(r: number, rows: number, b: Float32Array | Float64Array): Float64Array {
  const g = new Float64Array(r * r);
  const stride = Math.min(PANEL, rows);
  const panel = new Float64Array(r * stride);
  for (let o0 = 0; o0 < rows; o0 += stride) {
    const width = Math.min(stride, rows - o0);
    for (let o = 0; o < width; o++) for (let i = 0; i < r; i++) panel[i * stride + o] = b[(o0 + o) * r + i];
    addRowGram(r, g, panel, stride, 0, width);
  }
  mirrorLower(r, g);
  return g;
}

/** G[j, i] = G[i, j] for j < i: the full matrix from its lower triangle. */
export function mirrorLower(r: number, g: Float64Array): void {
  for (let i = 0; i < r; i++) for (let j = 0; j < i; j++) g[j * r + i] = g[i * r + j];
}
