// Eigenvalues of a symmetric tridiagonal matrix by the Pal–Walker–Kahan root-free variant of
// implicit QL/QR (LAPACK's dsterf): works on squared off-diagonals, chooses QL or QR per block by
// which end is larger, and deflates when e_m² ≤ ε²|d_m d_{m+1}|.
import { el } from "./layout";
import { hypot2 } from "./vector";

const EPS: f64 = 1.1102230246251565e-16;
const EPS2: f64 = EPS * EPS;
const SAFMIN: f64 = 2.2250738585072014e-308;
const MAXIT: i32 = 30;

/**
 * Overwrites d[0..n) with the eigenvalues of T = tridiag(e, d, e) in ascending order (e is destroyed).
 * Returns 0, or the number of off-diagonals that did not converge within 30·n sweeps.
 */
export function sterf(n: i32, d: usize, e: usize): i32 {
  if (n <= 1) return 0;
  const ssfmax = Math.sqrt(1 / SAFMIN) / 3;
  const ssfmin = Math.sqrt(SAFMIN) / EPS2;
  const nmaxit = n * MAXIT;
  let jtot = 0;
  let l1 = 0;
  while (l1 < n) {
    if (l1 > 0) store<f64>(el(e, l1 - 1), 0);
    let m = l1;
    for (; m < n - 1; m++) {
      const tst = Math.abs(ld(e, m));
      if (tst == 0) break;
      if (tst <= Math.sqrt(Math.abs(ld(d, m))) * Math.sqrt(Math.abs(ld(d, m + 1))) * EPS) {
        st(e, m, 0);
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend == l) continue;
    // scale the block into a range where squaring e neither overflows nor underflows
    let anorm: f64 = 0;
    for (let i = l; i <= lend; i++) anorm = Math.max(anorm, Math.abs(ld(d, i)));
    for (let i = l; i < lend; i++) anorm = Math.max(anorm, Math.abs(ld(e, i)));
    if (anorm == 0) continue;
    let iscale = 0;
    if (anorm > ssfmax) {
      iscale = 1;
      scaleBlock(d, e, l, lend, ssfmax / anorm);
    } else if (anorm < ssfmin) {
      iscale = 2;
      scaleBlock(d, e, l, lend, ssfmin / anorm);
    }
    for (let i = l; i < lend; i++) st(e, i, ld(e, i) * ld(e, i));
    if (Math.abs(ld(d, lend)) < Math.abs(ld(d, l))) {
      lend = lsv;
      l = lendsv;
    }
    if (lend >= l) jtot = qlSweeps(d, e, l, lend, jtot, nmaxit);
    else jtot = qrSweeps(d, e, l, lend, jtot, nmaxit);
    if (iscale == 1) for (let i = lsv; i <= lendsv; i++) st(d, i, ld(d, i) * (anorm / ssfmax));
    if (iscale == 2) for (let i = lsv; i <= lendsv; i++) st(d, i, ld(d, i) * (anorm / ssfmin));
    if (jtot >= nmaxit) {
      let unconverged = 0;
      for (let i = 0; i < n - 1; i++) if (ld(e, i) != 0) unconverged++;
      return max(unconverged, 1);
    }
  }
  heapSort(d, n);
  return 0;
}

/** QL from the top of block [l, lend] downwards; returns the updated sweep count */
function qlSweeps(d: usize, e: usize, l0: i32, lend: i32, jtot0: i32, nmaxit: i32): i32 {
  let l = l0;
  let jtot = jtot0;
  while (l <= lend) {
    let m = l;
    for (; m < lend; m++) if (Math.abs(ld(e, m)) <= EPS2 * Math.abs(ld(d, m) * ld(d, m + 1))) break;
    if (m < lend) st(e, m, 0);
    let p = ld(d, l);
    if (m == l) {
      l++;
      continue;
    }
    if (m == l + 1) {
      eig2(d, l, Math.sqrt(ld(e, l)), l + 1);
      st(e, l, 0);
      l += 2;
      continue;
    }
    if (jtot == nmaxit) break;
    jtot++;
    // Wilkinson-like shift from the leading 2×2, then one implicit root-free QL sweep
    const rte = Math.sqrt(ld(e, l));
    let sigma = (ld(d, l + 1) - p) / (2 * rte);
    const r0 = hypot2(sigma, 1);
    sigma = p - rte / (sigma + (sigma >= 0 ? r0 : -r0));
    let c: f64 = 1;
    let s: f64 = 0;
    let gamma = ld(d, m) - sigma;
    p = gamma * gamma;
    for (let i = m - 1; i >= l; i--) {
      const bb = ld(e, i);
      const r = p + bb;
      if (i != m - 1) st(e, i + 1, s * r);
      const oldc = c;
      c = p / r;
      s = bb / r;
      const oldgam = gamma;
      const alpha = ld(d, i);
      gamma = c * (alpha - sigma) - s * oldgam;
      st(d, i + 1, oldgam + (alpha - gamma));
      p = c != 0 ? (gamma * gamma) / c : oldc * bb;
    }
    st(e, l, s * p);
    st(d, l, sigma + gamma);
  }
  return jtot;
}

/** QR from the bottom of block [lend, l] upwards; returns the updated sweep count */
function qrSweeps(d: usize, e: usize, l0: i32, lend: i32, jtot0: i32, nmaxit: i32): i32 {
  let l = l0;
  let jtot = jtot0;
  while (l >= lend) {
    let m = l;
    for (; m > lend; m--) if (Math.abs(ld(e, m - 1)) <= EPS2 * Math.abs(ld(d, m) * ld(d, m - 1))) break;
    if (m > lend) st(e, m - 1, 0);
    let p = ld(d, l);
    if (m == l) {
      l--;
      continue;
    }
    if (m == l - 1) {
      eig2(d, l, Math.sqrt(ld(e, l - 1)), l - 1);
      st(e, l - 1, 0);
      l -= 2;
      continue;
    }
    if (jtot == nmaxit) break;
    jtot++;
    const rte = Math.sqrt(ld(e, l - 1));
    let sigma = (ld(d, l - 1) - p) / (2 * rte);
    const r0 = hypot2(sigma, 1);
    sigma = p - rte / (sigma + (sigma >= 0 ? r0 : -r0));
    let c: f64 = 1;
    let s: f64 = 0;
    let gamma = ld(d, m) - sigma;
    p = gamma * gamma;
    for (let i = m; i <= l - 1; i++) {
      const bb = ld(e, i);
      const r = p + bb;
      if (i != m) st(e, i - 1, s * r);
      const oldc = c;
      c = p / r;
      s = bb / r;
      const oldgam = gamma;
      const alpha = ld(d, i + 1);
      gamma = c * (alpha - sigma) - s * oldgam;
      st(d, i, oldgam + (alpha - gamma));
      p = c != 0 ? (gamma * gamma) / c : oldc * bb;
    }
    st(e, l - 1, s * p);
    st(d, l, sigma + gamma);
  }
  return jtot;
}

/**
 * Eigenvalues of [[d_i, b], [b, d_j]] (LAPACK's dlae2): the larger in magnitude to d_i, the other
 * to d_j, computed so that the smaller one keeps its relative accuracy.
 */
function eig2(d: usize, i: i32, b: f64, j: i32): void {
  const a = ld(d, i);
  const c = ld(d, j);
  const sm = a + c;
  const adf = Math.abs(a - c);
  const ab = Math.abs(b + b);
  const acmx = Math.abs(a) > Math.abs(c) ? a : c;
  const acmn = Math.abs(a) > Math.abs(c) ? c : a;
  let rt: f64;
  if (adf > ab) rt = adf * Math.sqrt(1 + (ab / adf) * (ab / adf));
  else if (adf < ab) rt = ab * Math.sqrt(1 + (adf / ab) * (adf / ab));
  else rt = ab * Math.SQRT2;
  let rt1: f64;
  let rt2: f64;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
  }
  st(d, i, rt1);
  st(d, j, rt2);
}

function scaleBlock(d: usize, e: usize, l: i32, lend: i32, f: f64): void {
  for (let i = l; i <= lend; i++) st(d, i, ld(d, i) * f);
  for (let i = l; i < lend; i++) st(e, i, ld(e, i) * f);
}

/** ascending in-place heapsort: O(n log n) whatever the order QL left */
export function heapSort(x: usize, n: i32): void {
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(x, start, n);
  for (let end = n - 1; end > 0; end--) {
    const t = ld(x, 0);
    st(x, 0, ld(x, end));
    st(x, end, t);
    siftDown(x, 0, end);
  }
}

function siftDown(x: usize, start: i32, n: i32): void {
  let root = start;
  while (true) {
    let child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && ld(x, child + 1) > ld(x, child)) child++;
    if (ld(x, child) <= ld(x, root)) return;
    const t = ld(x, root);
    st(x, root, ld(x, child));
    st(x, child, t);
    root = child;
  }
}

@inline function ld(x: usize, i: i32): f64 {
  return load<f64>(el(x, i));
}

@inline function st(x: usize, i: i32, v: f64): void {
  store<f64>(el(x, i), v);
}
