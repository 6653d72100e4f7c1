// Eigenvalues of a symmetric matrix held as an aligned packed lower triangle (LAPACK's dsyev path
// for jobz = 'N': scale into a safe range, tridiagonalize, root-free QL/QR).
import { at, el, even } from "./layout";
import { tridiagonalize, tridiagonalizeWorkLength } from "./tridiagonalize";
import { reduceToBand, reduceToBandWorkLength } from "./reduce-to-band";
import { bandLength, bandToTridiagonal, bandWorkLength, extractBand } from "./band-to-tridiagonal";
import { sterf } from "./sterf";

const SMLNUM: f64 = 2.2250738585072014e-308 / 2.220446049250313e-16;
const RMIN: f64 = Math.sqrt(SMLNUM);
const RMAX: f64 = Math.sqrt(1 / SMLNUM);

/** doubles of workspace eigvalshPacked needs (either reduction) */
export function eigvalshWorkLength(n: i32, nb: i32): i32 {
  const twoStage = reduceToBandWorkLength(n, nb) + bandLength(n, nb) + bandWorkLength(n);
  return even(n) + max(tridiagonalizeWorkLength(n, nb), twoStage);
}

/** doubles of the `keep` record eigvalshPacked fills when asked to keep its reduction */
export function reductionKeepLength(n: i32): i32 {
  return 2 + 3 * even(n);
}

/**
 * w[0..n) = eigenvalues of the packed matrix at `a` (destroyed), ascending. Returns 0, or the
 * count of off-diagonals that did not converge, or −1 when the matrix holds NaN or ±∞.
 * n ≥ twoStageFrom reduces through a band of width nb (level 3, for matrices past the caches);
 * smaller n by the one-stage blocked reduction.
 *
 * With `keep` ≠ 0 (reductionKeepLength(n) doubles) the reduction is kept for eigenvectors, at no
 * extra arithmetic: σA = Q B Qᵀ with B banded, Q's reflectors in `a` below B's band (see
 * applyReflectors), and keep = [bandwidth of B, σ (the scaling applied), τ[0..n) (padded to even),
 * then for bandwidth 1 B's diagonal and off-diagonal (n each, padded)]. For bandwidth b > 1 B is
 * the band of `a` itself (A(r, c), r − c ≤ b).
 */
export function eigvalshPacked(n: i32, a: usize, w: usize, work: usize, nb: i32, twoStageFrom: i32, keep: usize): i32 {
  if (n <= 0) return 0;
  const anrm = maxAbs(n, a);
  if (!isFinite(anrm)) return -1;
  let sigma: f64 = 1;
  if (anrm > 0 && anrm < RMIN) sigma = RMIN / anrm;
  else if (anrm > RMAX) sigma = RMAX / anrm;
  if (sigma != 1) scalePacked(n, a, sigma);
  const e = work;
  const rest = work + ((<usize>even(n)) << 3);
  const b = max(nb, 1);
  const tau = keep != 0 ? keep + 16 : 0;
  if (keep != 0) for (let i = 0; i < even(n); i++) store<f64>(el(tau, i), 0);
  if (n >= twoStageFrom && n > b + 1) {
    const band = rest + ((<usize>reduceToBandWorkLength(n, b)) << 3);
    reduceToBand(n, a, b, rest, tau);
    extractBand(n, a, b, band);
    bandToTridiagonal(n, b, band, w, e, band + ((<usize>bandLength(n, b)) << 3));
    if (keep != 0) store<f64>(keep, <f64>b);
  } else {
    tridiagonalize(n, a, w, e, rest, b, tau);
    if (keep != 0) {
      store<f64>(keep, 1);
      const dk = tau + ((<usize>even(n)) << 3);
      const ek = dk + ((<usize>even(n)) << 3);
      for (let i = 0; i < n; i++) {
        store<f64>(el(dk, i), load<f64>(el(w, i)));
        store<f64>(el(ek, i), i + 1 < n ? load<f64>(el(e, i)) : 0);
      }
    }
  }
  if (keep != 0) store<f64>(keep + 8, sigma);
  const info = sterf(n, w, e);
  if (sigma != 1) for (let i = 0; i < n; i++) store<f64>(el(w, i), load<f64>(el(w, i)) / sigma);
  return info;
}

/** max |a_rc| over the stored triangle, NaN when any element is NaN */
function maxAbs(n: i32, a: usize): f64 {
  let m: f64 = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c <= r; c++) {
      const x = Math.abs(load<f64>(at(a, r, c)));
      if (x != x) return x;
      if (x > m) m = x;
    }
  }
  return m;
}

function scalePacked(n: i32, a: usize, f: f64): void {
  for (let r = 0; r < n; r++) for (let c = 0; c <= r; c++) store<f64>(at(a, r, c), load<f64>(at(a, r, c)) * f);
}
