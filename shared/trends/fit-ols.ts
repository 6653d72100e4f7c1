export interface OlsFit {
  n: number;
  slope: number;
  intercept: number;
  /** coefficient of determination, 1 − SS_res / SS_tot */
  r2: number;
  /** √(SS_res / n): the paper divides by n, not n − 2 */
  rmse: number;
}

/** Ordinary least squares y ≈ slope·x + intercept. */
export function fitOls(xs: readonly number[], ys: readonly number[]): OlsFit {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError(`fitOls: ${n} x values but ${ys.length} y values`);
  if (n < 2) throw new RangeError("fitOls: need at least 2 points");
  const meanX = mean(xs);
  const meanY = mean(ys);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - meanX;
    const dy = ys[i] - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new RangeError("fitOls: every x is the same, the slope is undefined");
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const r = ys[i] - (slope * xs[i] + intercept);
    ssRes += r * r;
  }
  return { n, slope, intercept, r2: syy === 0 ? 1 : 1 - ssRes / syy, rmse: Math.sqrt(ssRes / n) };
}

function mean(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}
