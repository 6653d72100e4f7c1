export interface DensityBin {
  /** bin edges in log10 λ */
  lo: number;
  hi: number;
  /** log10 of the empirical density: count / (total · bin width in λ) */
  logDensity: number;
}

/**
 * The ESD histogram as a probability density over λ (empty bins left out: a log axis cannot
 * show them). Densities, unlike counts on log-spaced bins, make a power law a straight line of
 * slope −α, so the fitted tail can be drawn over it.
 */
export function esdDensity(log10Edges: readonly number[], counts: readonly number[], total: number): DensityBin[] {
  const bins: DensityBin[] = [];
  counts.forEach((count, i) => {
    const lo = log10Edges[i];
    const hi = log10Edges[i + 1];
    const width = 10 ** hi - 10 ** lo;
    if (count > 0 && width > 0 && total > 0) bins.push({ lo, hi, logDensity: Math.log10(count / (total * width)) });
  });
  return bins;
}
