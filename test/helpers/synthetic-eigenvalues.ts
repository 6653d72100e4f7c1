/**
 * Eigenvalues shaped like a trained layer's ESD: a Marchenko–Pastur-like bulk on
 * [bulkMin, bulkMax] plus a power-law tail ρ(λ) ∝ λ^−alpha above xmin (inverse-CDF sampling:
 * λ = xmin · u^(−1/(alpha−1))). Returned ascending. Not a real spectrum: only test data that
 * plots and summarises like one.
 */
export function syntheticEigenvalues(
  count: number,
  alpha: number,
  tailFraction: number,
  random: () => number,
): number[] {
  const tailCount = Math.max(2, Math.round(count * tailFraction));
  const bulkMin = 0.05;
  const bulkMax = 1.5;
  const values: number[] = [];
  for (let i = 0; i < count - tailCount; i++) {
    // the mean of two uniforms puts more mass mid-bulk, as MP does
    const u = (random() + random()) / 2;
    values.push(bulkMin + (bulkMax - bulkMin) * u);
  }
  const xmin = bulkMax * 0.9;
  for (let i = 0; i < tailCount; i++) values.push(xmin * Math.pow(1 - random(), -1 / (alpha - 1)));
  return values.sort((a, b) => a - b);
}
