// Elementary reflector H = I − τ v vᵀ with H x = β e₁ (LAPACK's dlarfg convention: v₀ = 1).
import { el } from "./layout";
import { hypot2, norm2, scal } from "./vector";

const SAFMIN: f64 = 2.2250738585072014e-308 / 1.1102230246251565e-16;

/**
 * Overwrites x[from+1..to) with v[1..] (v[from] = 1 is implicit), writes β to `beta`, returns τ.
 * τ = (β − α)/β, β = −sign(α)·‖x‖, v = x/(α − β); τ = 0 (H = I) when x[from+1..to) is zero.
 */
export function householder(x: usize, from: i32, to: i32, beta: usize): f64 {
  let alpha = load<f64>(el(x, from));
  let xnorm = norm2(x, from + 1, to);
  if (xnorm == 0) {
    store<f64>(beta, alpha);
    return 0;
  }
  let b = -copysignPositiveZero(hypot2(alpha, xnorm), alpha);
  // β below the safe minimum: rescale until it is representable with full precision
  let knt = 0;
  if (Math.abs(b) < SAFMIN) {
    const rsafmn = 1 / SAFMIN;
    do {
      knt++;
      scal(rsafmn, x, from + 1, to);
      b *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(b) < SAFMIN && knt < 20);
    xnorm = norm2(x, from + 1, to);
    b = -copysignPositiveZero(hypot2(alpha, xnorm), alpha);
  }
  const tau = (b - alpha) / b;
  scal(1 / (alpha - b), x, from + 1, to);
  for (let j = 0; j < knt; j++) b *= SAFMIN;
  store<f64>(beta, b);
  return tau;
}

/** |x| with the sign of y, +|x| for y = ±0 (Fortran's SIGN on a zero) */
@inline function copysignPositiveZero(x: f64, y: f64): f64 {
  return y < 0 ? -Math.abs(x) : Math.abs(x);
}
