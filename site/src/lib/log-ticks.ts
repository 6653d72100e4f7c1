/**
 * Ticks for an axis in log10 units. Over two decades or more: whole decades (thinned to about
 * `target`). Over less: 1, 2 and 5 times the decades (then every integer multiple if that gives
 * fewer than three), so the labels stay round numbers.
 */
export function logTicks(lo: number, hi: number, target = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  const inside = (v: number) => v >= lo - 1e-9 && v <= hi + 1e-9;
  if (hi - lo >= 2) {
    const first = Math.ceil(lo - 1e-9);
    const step = Math.max(1, Math.ceil((Math.floor(hi + 1e-9) - first + 1) / target));
    const ticks: number[] = [];
    for (let k = first; k <= hi + 1e-9; k += step) ticks.push(k);
    return ticks;
  }
  const multiples = (ms: number[]) => {
    const ticks: number[] = [];
    for (let k = Math.floor(lo) - 1; k <= Math.ceil(hi); k++) {
      for (const m of ms) {
        const v = m === 1 ? k : k + Math.log10(m);
        if (inside(v)) ticks.push(v);
      }
    }
    return ticks;
  };
  const round = multiples([1, 2, 5]);
  return round.length >= 3 ? round : multiples([1, 2, 3, 4, 5, 6, 7, 8, 9]);
}
