// Level-1 kernels on float64 vectors indexed globally (element i at x + 8i, x 16-byte aligned), over
// an index range [from, to). An odd start is peeled so the SIMD loop runs on aligned pairs.
import { el } from "./layout";

/** Σ x_i y_i */
export function dot(x: usize, y: usize, from: i32, to: i32): f64 {
  let s: f64 = 0;
  let i = from;
  if (i < to && (i & 1) != 0) {
    s = load<f64>(el(x, i)) * load<f64>(el(y, i));
    i++;
  }
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  for (; i + 4 <= to; i += 4) {
    const px = el(x, i);
    const py = el(y, i);
    acc0 = f64x2.add(acc0, f64x2.mul(v128.load(px), v128.load(py)));
    acc1 = f64x2.add(acc1, f64x2.mul(v128.load(px, 16), v128.load(py, 16)));
  }
  if (i + 2 <= to) {
    acc0 = f64x2.add(acc0, f64x2.mul(v128.load(el(x, i)), v128.load(el(y, i))));
    i += 2;
  }
  const acc = f64x2.add(acc0, acc1);
  s += f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (i < to) s += load<f64>(el(x, i)) * load<f64>(el(y, i));
  return s;
}

/** y_i += α x_i */
export function axpy(alpha: f64, x: usize, y: usize, from: i32, to: i32): void {
  let i = from;
  if (i < to && (i & 1) != 0) {
    store<f64>(el(y, i), load<f64>(el(y, i)) + alpha * load<f64>(el(x, i)));
    i++;
  }
  const va = f64x2.splat(alpha);
  for (; i + 4 <= to; i += 4) {
    const px = el(x, i);
    const py = el(y, i);
    v128.store(py, f64x2.add(v128.load(py), f64x2.mul(va, v128.load(px))));
    v128.store(py, f64x2.add(v128.load(py, 16), f64x2.mul(va, v128.load(px, 16))), 16);
  }
  for (; i < to; i++) store<f64>(el(y, i), load<f64>(el(y, i)) + alpha * load<f64>(el(x, i)));
}

/** x_i *= α */
export function scal(alpha: f64, x: usize, from: i32, to: i32): void {
  for (let i = from; i < to; i++) store<f64>(el(x, i), alpha * load<f64>(el(x, i)));
}

/** ‖x‖₂ without harmful overflow or underflow: plain sum of squares, rescaled only when it left the safe range */
export function norm2(x: usize, from: i32, to: i32): f64 {
  const ssq = dot(x, x, from, to);
  if (ssq > 1e-280 && ssq < 1e280) return Math.sqrt(ssq);
  let big: f64 = 0;
  for (let i = from; i < to; i++) big = Math.max(big, Math.abs(load<f64>(el(x, i))));
  if (big == 0 || !isFinite(big)) return big;
  let s: f64 = 0;
  for (let i = from; i < to; i++) {
    const t = load<f64>(el(x, i)) / big;
    s += t * t;
  }
  return big * Math.sqrt(s);
}

/** √(x² + y²) without overflow */
export function hypot2(x: f64, y: f64): f64 {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const w = Math.max(ax, ay);
  const z = Math.min(ax, ay);
  if (z == 0 || !isFinite(w)) return w;
  const q = z / w;
  return w * Math.sqrt(1 + q * q);
}
