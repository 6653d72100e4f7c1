import { LinalgError } from "./linalg-error.ts";

const MAX_SWEEPS = 60;

/**
 * Singular values of the matrix whose columns are `columns` (overwritten), ascending, by one-sided
 * Jacobi (Hestenes): plane rotations make every pair of columns orthogonal, then the singular
 * values are the column norms. Unlike the Gram route it resolves each singular value to high
 * relative accuracy (Demmel & Veselić), tiny ones included.
 */
export function jacobiSingularValues(columns: Float64Array[]): Float64Array {
  const k = columns.length;
  // rounding in a dot product of length n is about √n·ε, so that is as orthogonal as columns get
  const tolerance = Number.EPSILON * Math.sqrt(Math.max(1, columns[0]?.length ?? 1));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const x = columns[p];
        const y = columns[q];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < x.length; i++) {
          alpha += x[i] * x[i];
          beta += y[i] * y[i];
          gamma += x[i] * y[i];
        }
        if (gamma === 0 || Math.abs(gamma) <= tolerance * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        // rotation angle that zeroes the (p, q) entry of the 2×2 Gram [[α, γ], [γ, β]]
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < x.length; i++) {
          const xi = x[i];
          const yi = y[i];
          x[i] = c * xi - s * yi;
          y[i] = s * xi + c * yi;
        }
      }
    }
    if (!rotated) {
      const values = columns.map((v) => {
        // scaled norm, safe for tiny and huge entries
        let scale = 0;
        for (let i = 0; i < v.length; i++) scale = Math.max(scale, Math.abs(v[i]));
        if (scale === 0) return 0;
        let sum = 0;
        for (let i = 0; i < v.length; i++) sum += (v[i] / scale) ** 2;
        return scale * Math.sqrt(sum);
      });
      return Float64Array.from(values).sort();
    }
  }
  throw new LinalgError("no_convergence", `one-sided Jacobi did not converge in ${MAX_SWEEPS} sweeps on ${k} columns`);
}
