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

/**
 * w[0..n) = eigenvalues of the packed matrix at `a` (destroyed), ascending. Returns 0, or the
 * count of off-diagonals that did not converge, or −1 when the matrix holds NaN or ±∞.
 * n ≥ twoStageFrom reduces through a band of width nb (level 3, for matrices past the caches);
 * smaller n by the one-stage blocked reduction.
 */
export function eigvalshPacked(n: i32, a: usize, w: usize, work: usize, nb: i32, twoStageFrom: i32): i32 {
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
  if (n >= twoStageFrom && n > b + 1) {
    const band = rest + ((<usize>reduceToBandWorkLength(n, b)) << 3);
    reduceToBand(n, a, b, rest);
    extractBand(n, a, b, band);
    bandToTridiagonal(n, b, band, w, e, band + ((<usize>bandLength(n, b)) << 3));
  } else {
    tridiagonalize(n, a, w, e, rest, b);
  }
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
