/**
 * x^y as C's pow (and numpy) define it where JavaScript differs: 1^y = 1 for every y, ±∞ included.
 */
export function powC(x: number, y: number): number {
  return x === 1 ? 1 : Math.pow(x, y);
}

/**
 * Deviation of the fitted CDF from the empirical one at x[i + t], for the tail starting at i with
 * k = n − i points: |1 − (x[i+t]/x[i])^(1−α) − t/k|.
 */
export function ksDeviation(x: Float64Array, i: number, t: number, alpha: number, k: number): number {
  return Math.abs(1 - powC(x[i + t] / x[i], -alpha + 1) - t / k);
}

/**
 * D = max over t < k of ksDeviation, or the first deviation found above `stopAbove` (enough to know
 * D > stopAbove). Returns [value, t at which it was found].
 */
export function ksDistance(x: Float64Array, i: number, alpha: number, stopAbove: number): [number, number] {
  const k = x.length - i;
  let max = -1;
  let at = 0;
  for (let t = 0; t < k; t++) {
    const d = ksDeviation(x, i, t, alpha, k);
    if (d > max) {
      max = d;
      at = t;
      if (max > stopAbove) break;
    }
  }
  return [max, at];
}
