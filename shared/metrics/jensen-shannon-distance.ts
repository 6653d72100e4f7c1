/**
 * Jensen–Shannon distance √((KL(p‖m) + KL(q‖m))/2) with m = (p + q)/2, natural logarithms, as
 * scipy.stats.entropy computes each KL: p, q and m are each normalised to sum 1 and terms with
 * p_i = 0 count 0. p and q are two sorted eigenvalue vectors of the same length, treated as
 * distributions over the index.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new RangeError(`distributions of different lengths: ${p.length} and ${q.length}`);
  const m = Float64Array.from(p, (x, i) => (x + q[i]) / 2);
  const divergence = (klDivergence(p, m) + klDivergence(q, m)) / 2;
  // identical distributions give a divergence of 0 up to rounding, which may fall just below 0
  return Math.sqrt(Math.max(0, divergence));
}

/** Σ p̂_i ln(p̂_i / m̂_i) with p̂ = p/Σp, m̂ = m/Σm (scipy.stats.entropy(p, m)). */
function klDivergence(p: ArrayLike<number>, m: ArrayLike<number>): number {
  let sp = 0;
  let sm = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sm += m[i];
  }
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sp;
    if (pi > 0) sum += pi * Math.log(pi / (m[i] / sm));
  }
  return sum;
}
