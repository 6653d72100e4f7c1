/**
 * Kendall's τ-b: (concordant − discordant) / √((n0 − n1)(n0 − n2)), with n0 = n(n−1)/2 and
 * n1, n2 the pairs tied in x and in y. O(n²), fine for model series of tens of models.
 */
export function kendallTauB(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError(`kendallTauB: ${n} x values but ${ys.length} y values`);
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sx = Math.sign(xs[i] - xs[j]);
      const sy = Math.sign(ys[i] - ys[j]);
      if (sx === 0) tiedX++;
      if (sy === 0) tiedY++;
      if (sx * sy > 0) concordant++;
      else if (sx * sy < 0) discordant++;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return denominator === 0 ? Number.NaN : (concordant - discordant) / denominator;
}
