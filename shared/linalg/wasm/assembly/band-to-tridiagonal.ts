// Second stage: a symmetric band matrix (bandwidth b) to tridiagonal form by Householder bulge
// chasing. Sweep i annihilates column i below its subdiagonal; the reflector's fill below the band
// is chased down in blocks of b rows, each block's first column annihilated in turn (later sweeps
// clear the rest of the fill). Storage: column c holds rows c..c+2b (the band plus room for fill).
import { at, el, even } from "./layout";
import { axpy, dot } from "./vector";
import { householder } from "./householder";

/** doubles of band storage for order n and bandwidth b */
export function bandLength(n: i32, b: i32): i32 {
  return n * even(2 * b + 1);
}

/** doubles of vector workspace bandToTridiagonal needs */
export function bandWorkLength(n: i32): i32 {
  return 3 * even(n);
}

/** base such that element r of column c is at base + 8r (a globally indexed vector) */
@inline function column(band: usize, ld: i32, c: i32): usize {
  return band + ((<usize>(c * ld)) << 3) - ((<usize>c) << 3);
}

/** Copies the band of the packed matrix (r − c ≤ b) into band storage, fill area zeroed. */
export function extractBand(n: i32, a: usize, b: i32, band: usize): void {
  const ld = even(2 * b + 1);
  for (let i = 0; i < n * ld; i++) store<f64>(el(band, i), 0);
  for (let r = 0; r < n; r++) {
    const row = at(a, r, 0);
    for (let c = max(0, r - b); c <= r; c++) store<f64>(el(column(band, ld, c), r), load<f64>(el(row, c)));
  }
}

/** Reduces the band (overwritten) to tridiagonal d[0..n), e[0..n−1). */
export function bandToTridiagonal(n: i32, b: i32, band: usize, d: usize, e: usize, work: usize): void {
  const ld = even(2 * b + 1);
  const ln = even(n);
  const v = work;
  const w = v + ((<usize>ln) << 3);
  const u = w + ((<usize>ln) << 3);
  for (let i = 0; i + 2 < n; i++) {
    let p = i + 1;
    let len = min(b, n - p);
    if (len < 2) continue;
    // reflector from column i, rows [p, p+len)
    const ci = column(band, ld, i);
    for (let r = p; r < p + len; r++) store<f64>(el(v, r), load<f64>(el(ci, r)));
    let tau = householder(v, p, p + len, el(ci, p));
    for (let r = p + 1; r < p + len; r++) store<f64>(el(ci, r), 0);
    store<f64>(el(v, p), 1);
    while (true) {
      twoSided(band, ld, p, len, v, tau, w);
      const q = p + len;
      const lenE = min(b, n - q);
      if (lenE <= 0) break;
      // E = A[q:q+lenE, p:p+len] ← E H: y = E v, E −= τ y vᵀ
      for (let r = q; r < q + lenE; r++) store<f64>(el(u, r), 0);
      for (let c = p; c < p + len; c++) axpy(load<f64>(el(v, c)), column(band, ld, c), u, q, q + lenE);
      for (let c = p; c < p + len; c++) axpy(-tau * load<f64>(el(v, c)), u, column(band, ld, c), q, q + lenE);
      // the bulge: a new reflector from column p, rows [q, q+lenE), applied from the left to E
      const cp = column(band, ld, p);
      for (let r = q; r < q + lenE; r++) store<f64>(el(v, r), load<f64>(el(cp, r)));
      tau = householder(v, q, q + lenE, el(cp, q));
      for (let r = q + 1; r < q + lenE; r++) store<f64>(el(cp, r), 0);
      store<f64>(el(v, q), 1);
      for (let c = p + 1; c < p + len; c++) {
        const col = column(band, ld, c);
        axpy(-tau * dot(v, col, q, q + lenE), v, col, q, q + lenE);
      }
      p = q;
      len = lenE;
    }
  }
  for (let i = 0; i < n; i++) {
    const ci = column(band, ld, i);
    store<f64>(el(d, i), load<f64>(el(ci, i)));
    if (i + 1 < n) store<f64>(el(e, i), load<f64>(el(ci, i + 1)));
  }
}

/** D ← H D H on the diagonal block [p, p+len): w = τ D v, w −= ½τ(wᵀv) v, D −= v wᵀ + w vᵀ */
function twoSided(band: usize, ld: i32, p: i32, len: i32, v: usize, tau: f64, w: usize): void {
  if (tau == 0) return;
  const end = p + len;
  for (let r = p; r < end; r++) store<f64>(el(w, r), 0);
  for (let c = p; c < end; c++) {
    const col = column(band, ld, c);
    const dcc = load<f64>(el(col, c));
    const vc = load<f64>(el(v, c));
    store<f64>(el(w, c), load<f64>(el(w, c)) + dcc * vc + dot(col, v, c + 1, end));
    axpy(vc, col, w, c + 1, end);
  }
  for (let r = p; r < end; r++) store<f64>(el(w, r), tau * load<f64>(el(w, r)));
  axpy(-0.5 * tau * dot(w, v, p, end), v, w, p, end);
  for (let c = p; c < end; c++) {
    const col = column(band, ld, c);
    axpy(-load<f64>(el(w, c)), v, col, c, end);
    axpy(-load<f64>(el(v, c)), w, col, c, end);
  }
}
