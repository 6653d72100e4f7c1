/**
 * How many values of the lower band [start, end) of a Gram come before row r (r ≥ start), in the
 * band's row-major order: row q holds the columns start … min(end, q + 1) − 1, so the band's own
 * rows hold 1, 2, … values and every row below them end − start. With r = order it is the band's size.
 */
export function lowerBandOffset(start: number, end: number, r: number): number {
  const inside = Math.min(r, end) - start;
  return (inside * (inside + 1)) / 2 + Math.max(0, r - end) * (end - start);
}
