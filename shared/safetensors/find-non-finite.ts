/** Index of the first NaN or ±Inf among `values[0..count)`, or −1 when all are finite. */
export function findNonFinite(values: Float32Array, count = values.length): number {
  for (let i = 0; i < count; i++) {
    // x − x is 0 for every finite x and NaN for NaN and ±Inf
    if (values[i] - values[i] !== 0) return i;
  }
  return -1;
}
