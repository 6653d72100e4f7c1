// The level-2 half of the tridiagonal reduction: one pass over the trailing packed triangle.
import { at, el, rowStart } from "./layout";

/**
 * y[s..n) = A(s:n, s:n)·v for the symmetric matrix whose lower triangle is packed at `a`, reading
 * every stored element once (a row gives both its dot product and its axpy share). While the row is
 * in cache, col[r] = A(r, s) is saved: that is the next column the reduction needs.
 */
export function symvTrailing(a: usize, n: i32, s: i32, v: usize, y: usize, col: usize): void {
  for (let r = s; r < n; r++) store<f64>(el(y, r), 0);
  let r = s;
  for (; r + 1 < n; r += 2) {
    const row0 = a + ((<usize>rowStart(r)) << 3);
    const row1 = a + ((<usize>rowStart(r + 1)) << 3);
    const v0 = load<f64>(el(v, r));
    const v1 = load<f64>(el(v, r + 1));
    store<f64>(el(col, r), load<f64>(el(row0, s)));
    store<f64>(el(col, r + 1), load<f64>(el(row1, s)));
    let dot0: f64 = 0;
    let dot1: f64 = 0;
    let c = s;
    if (c < r && (c & 1) != 0) {
      const a0 = load<f64>(el(row0, c));
      const a1 = load<f64>(el(row1, c));
      store<f64>(el(y, c), load<f64>(el(y, c)) + a0 * v0 + a1 * v1);
      const vc = load<f64>(el(v, c));
      dot0 += a0 * vc;
      dot1 += a1 * vc;
      c++;
    }
    const V0 = f64x2.splat(v0);
    const V1 = f64x2.splat(v1);
    let d0a = f64x2.splat(0);
    let d0b = f64x2.splat(0);
    let d1a = f64x2.splat(0);
    let d1b = f64x2.splat(0);
    for (; c + 4 <= r; c += 4) {
      const o = (<usize>c) << 3;
      const a0a = v128.load(row0 + o);
      const a0b = v128.load(row0 + o, 16);
      const a1a = v128.load(row1 + o);
      const a1b = v128.load(row1 + o, 16);
      const xa = v128.load(v + o);
      const xb = v128.load(v + o, 16);
      v128.store(y + o, f64x2.add(v128.load(y + o), f64x2.add(f64x2.mul(a0a, V0), f64x2.mul(a1a, V1))));
      v128.store(y + o, f64x2.add(v128.load(y + o, 16), f64x2.add(f64x2.mul(a0b, V0), f64x2.mul(a1b, V1))), 16);
      d0a = f64x2.add(d0a, f64x2.mul(a0a, xa));
      d0b = f64x2.add(d0b, f64x2.mul(a0b, xb));
      d1a = f64x2.add(d1a, f64x2.mul(a1a, xa));
      d1b = f64x2.add(d1b, f64x2.mul(a1b, xb));
    }
    const d0 = f64x2.add(d0a, d0b);
    const d1 = f64x2.add(d1a, d1b);
    dot0 += f64x2.extract_lane(d0, 0) + f64x2.extract_lane(d0, 1);
    dot1 += f64x2.extract_lane(d1, 0) + f64x2.extract_lane(d1, 1);
    for (; c < r; c++) {
      const a0 = load<f64>(el(row0, c));
      const a1 = load<f64>(el(row1, c));
      store<f64>(el(y, c), load<f64>(el(y, c)) + a0 * v0 + a1 * v1);
      const vc = load<f64>(el(v, c));
      dot0 += a0 * vc;
      dot1 += a1 * vc;
    }
    // the 2×2 corner: A(r,r), A(r+1,r), A(r+1,r+1)
    const a00 = load<f64>(el(row0, r));
    const a10 = load<f64>(el(row1, r));
    const a11 = load<f64>(el(row1, r + 1));
    store<f64>(el(y, r), load<f64>(el(y, r)) + dot0 + a00 * v0 + a10 * v1);
    store<f64>(el(y, r + 1), load<f64>(el(y, r + 1)) + dot1 + a10 * load<f64>(el(v, r)) + a11 * v1);
  }
  if (r < n) {
    const v0 = load<f64>(el(v, r));
    store<f64>(el(col, r), load<f64>(at(a, r, s)));
    let dot0: f64 = 0;
    for (let c = s; c < r; c++) {
      const a0 = load<f64>(at(a, r, c));
      store<f64>(el(y, c), load<f64>(el(y, c)) + a0 * v0);
      dot0 += a0 * load<f64>(el(v, c));
    }
    store<f64>(el(y, r), load<f64>(el(y, r)) + dot0 + load<f64>(at(a, r, r)) * v0);
  }
}
