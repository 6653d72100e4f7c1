export interface AlphaBin {
  lo: number;
  hi: number;
  count: number;
}

/**
 * Layer α values in bins of `width` from 0 up to at least 8 (so the 2–6 band and the spurious
 * region always show), at most `cap`; values above the cap are counted apart.
 */
export function alphaHistogram(alphas: readonly number[], width = 0.5, cap = 12): { bins: AlphaBin[]; overflow: number } {
  const top = Math.min(cap, Math.max(8, Math.ceil(Math.max(0, ...alphas) / width) * width));
  const bins: AlphaBin[] = [];
  for (let lo = 0; lo < top - 1e-9; lo += width) bins.push({ lo, hi: lo + width, count: 0 });
  let overflow = 0;
  for (const a of alphas) {
    if (a > top) overflow++;
    else bins[Math.min(bins.length - 1, Math.max(0, Math.floor(a / width)))].count++;
  }
  return { bins, overflow };
}
