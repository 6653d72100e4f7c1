/**
 * Kernel density estimate with the linear (triangular) kernel, as scikit-learn's
 * KernelDensity(kernel="linear") normalises it in one dimension:
 * ρ(x) = 1/(n·h) · Σ_i max(0, 1 − |x − x_i| / h), evaluated at each grid point.
 */
export function linearKde(samples: ArrayLike<number>, bandwidth: number, grid: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const out = new Float64Array(grid.length);
  for (let g = 0; g < grid.length; g++) {
    const x = grid[g];
    // first sample > x − h (samples at distance ≥ h contribute nothing)
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x - bandwidth) lo = mid + 1;
      else hi = mid;
    }
    let sum = 0;
    for (let i = lo; i < n && sorted[i] < x + bandwidth; i++) {
      const d = Math.abs(x - sorted[i]);
      if (d < bandwidth) sum += 1 - d / bandwidth;
    }
    out[g] = sum / (n * bandwidth);
  }
  return out;
}
