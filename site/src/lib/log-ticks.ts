import { niceTicks } from "./nice-ticks.ts";

/**
 * Ticks for an axis in log10 units: whole decades when the range spans at least two of them
 * (thinned to about `target`), else round values of the log itself.
 */
export function logTicks(lo: number, hi: number, target = 5): number[] {
  if (hi - lo < 2) return niceTicks(lo, hi, target);
  const first = Math.ceil(lo);
  const last = Math.floor(hi);
  const step = Math.max(1, Math.ceil((last - first + 1) / target));
  const ticks: number[] = [];
  for (let k = first; k <= last; k += step) ticks.push(k);
  return ticks;
}
