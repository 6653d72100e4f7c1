/**
 * Where an ESD plot's λ axis starts (log10): at most `decades` below λmax. Gram-matrix
 * eigenvalues of rank-deficient layers go down to 1e-20 and below, which is rounding noise, and
 * a log axis down there squeezes the bulk and the tail into a corner. Returns the start and how
 * many eigenvalues the plot leaves out below it (zeros included).
 */
export function esdPlotRange(
  log10Edges: readonly number[],
  counts: readonly number[],
  zeroCount: number,
  lambdaMax: number | null,
  decades = 7,
): { from: number; hidden: number } {
  const floor = lambdaMax !== null && lambdaMax > 0 ? Math.log10(lambdaMax) - decades : -Infinity;
  const from = Math.max(log10Edges[0], floor);
  const hidden = counts.reduce((sum, c, i) => (log10Edges[i + 1] <= from ? sum + c : sum), zeroCount);
  return { from, hidden };
}
