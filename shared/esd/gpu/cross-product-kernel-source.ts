/**
 * C = XᵀY for X (depth × p) and Y (depth × q), both flat row-major: C[i][j] = Σ_t X[t][i]·Y[t][j],
 * summed in float32 on the GPU. thread.y is the row i of C, thread.x its column j.
 *
 * Kept as a string rather than a function: gpu.js parses the source text, and a bundler's
 * minifier or TypeScript's output must not be able to rewrite it into something gpu.js rejects.
 * Flat arrays (not gpu.js `input()` objects) keep shared/ free of any run-time gpu.js import.
 */
export const CROSS_PRODUCT_KERNEL_SOURCE = `function crossProduct(x, y) {
  let sum = 0;
  for (let t = 0; t < this.constants.depth; t++) {
    sum += x[t * this.constants.p + this.thread.y] * y[t * this.constants.q + this.thread.x];
  }
  return sum;
}`;
