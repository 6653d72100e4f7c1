// Q·X for the orthogonal factor of a reduction that eigvalshPacked kept (one-stage: bandwidth 1,
// two-stage: the band's width): how eigenvectors of the reduced matrix become the matrix's own.
import { at, el, even } from "./layout";
import { axpy, dot } from "./vector";

/** reflectors gathered per pass: each packed row is then read once per GROUP columns */
const GROUP = 8;

/** doubles of workspace applyReflectors needs */
export function applyReflectorsWorkLength(n: i32): i32 {
  return GROUP * even(n);
}

/**
 * X ← Q X for the k vectors at `x` (vector j at x + 8·j·ldx, ldx even, x 16-byte aligned), where
 * Q = Π over columns c ascending of H_c = I − τ_c v vᵀ, v[c+bw] = 1, v[r] = A(r, c) for r > c + bw
 * (the packed triangle at `a`), τ_c = tau[c]. The last reflector is applied first; the columns
 * are gathered GROUP at a time into contiguous vectors, so the packed rows are read in order.
 */
export function applyReflectors(n: i32, a: usize, bw: i32, tau: usize, x: usize, ldx: i32, k: i32, work: usize): void {
  const ln = even(n);
  let hi = n - 1 - bw; // the last column that can hold a reflector
  while (hi >= 0) {
    const lo = max(0, hi - GROUP + 1);
    for (let c = lo; c <= hi; c++) store<f64>(el(work + ((<usize>((c - lo) * ln)) << 3), c + bw), 1);
    for (let r = lo + bw + 1; r < n; r++) {
      const row = at(a, r, 0);
      const last = min(hi, r - bw - 1);
      for (let c = lo; c <= last; c++) store<f64>(el(work + ((<usize>((c - lo) * ln)) << 3), r), load<f64>(el(row, c)));
    }
    for (let c = hi; c >= lo; c--) {
      const t = load<f64>(el(tau, c));
      if (t == 0) continue;
      const v = work + ((<usize>((c - lo) * ln)) << 3);
      const p = c + bw;
      for (let j = 0; j < k; j++) {
        const xj = x + ((<usize>(j * ldx)) << 3);
        axpy(-t * dot(v, xj, p, n), v, xj, p, n);
      }
    }
    hi = lo - 1;
  }
}
