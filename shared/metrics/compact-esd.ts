import type { LayerSpectrum } from "../esd/types.ts";
import type { CompactEsd, LayerColumns } from "../report/schema.ts";
import { allEigenvalues } from "./all-eigenvalues.ts";

export const ESD_BINS = 64;
export const TAIL_SIZE = 256;

function histogram(values: Float64Array, lo: number, width: number, bins: number): { counts: number[]; below: number } {
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  for (const v of values) {
    if (!(v > 0)) {
      below++;
      continue;
    }
    const bin = Math.floor((Math.log10(v) - lo) / width);
    if (bin < 0) below++;
    else counts[Math.min(bin, bins - 1)]++;
  }
  return { counts, below };
}

/**
 * A small picture of the layer's ESD for plots: a log10-spaced histogram over the positive
 * eigenvalues (of both spectra when the randomized one is given, so they share edges), the count
 * a log axis cannot show, the largest 256 eigenvalues, the power-law fit and the MP bulk edges.
 */
export function compactEsd(spectrum: LayerSpectrum, columns: LayerColumns, randomized?: LayerSpectrum): CompactEsd {
  const E = allEigenvalues(spectrum);
  const R = randomized ? allEigenvalues(randomized) : undefined;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const values of R ? [E, R] : [E]) {
    for (const v of values) {
      if (v > 0) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  const tail = Array.from(E.slice(Math.max(0, E.length - TAIL_SIZE))).reverse();
  const fit = columns.status === "success" ? { alpha: columns.alpha, xmin: columns.xmin, xmax: columns.xmax } : null;
  const mp = columns.bulk_max === null ? null : { bulk_min: columns.bulk_min, bulk_max: columns.bulk_max };
  if (max === 0) {
    return { log10_edges: [], counts: [], zero_count: E.length, tail, fit, mp, ...(R && { randomized_counts: [] }) };
  }
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  // a single distinct positive value still gets one bin of width 1 (a decade)
  const width = hi > lo ? (hi - lo) / ESD_BINS : 1;
  const bins = hi > lo ? ESD_BINS : 1;
  const log10_edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const original = histogram(E, lo, width, bins);
  return {
    log10_edges,
    counts: original.counts,
    zero_count: original.below,
    tail,
    fit,
    mp,
    ...(R && { randomized_counts: histogram(R, lo, width, bins).counts }),
  };
}
