/**
 * Log10-spaced histogram of the positive values over [min, max], the shape the report's
 * `CompactEsd` uses: edges (bins + 1), counts per bin, and how many values a log axis cannot show.
 */
export function compactHistogram(
  values: readonly number[],
  bins: number,
  range?: { lo: number; hi: number },
): { log10_edges: number[]; counts: number[]; zero_count: number } {
  const positive = values.filter((v) => v > 0);
  const lo = Math.log10(range?.lo ?? Math.min(...positive));
  const hi = Math.log10(range?.hi ?? Math.max(...positive));
  const width = (hi - lo) / bins || 1;
  const log10_edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const counts = new Array<number>(bins).fill(0);
  let zero_count = values.length - positive.length;
  for (const v of positive) {
    const bin = Math.floor((Math.log10(v) - lo) / width);
    if (bin < 0) zero_count++;
    else counts[Math.min(bin, bins - 1)]++;
  }
  return { log10_edges, counts, zero_count };
}
