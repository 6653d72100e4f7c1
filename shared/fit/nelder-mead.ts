export interface NelderMeadOptions {
  /** convergence: every vertex within xatol of the best, coordinate-wise, and every value within fatol */
  xatol?: number;
  fatol?: number;
  /** limits; both default to 200 per dimension, as scipy.optimize.fmin's */
  maxiter?: number;
  maxfev?: number;
}

export interface NelderMeadResult {
  x: number[];
  fun: number;
  iterations: number;
  evaluations: number;
}

const RHO = 1;
const CHI = 2;
const PSI = 0.5;
const SHRINK = 0.5;
const NONZERO_DELTA = 0.05;
const ZERO_DELTA = 0.00025;

/** a < b with NaN largest, as numpy's argsort orders them */
const before = (a: number, b: number) => a < b || (Number.isNaN(b) && !Number.isNaN(a));

/**
 * Nelder–Mead simplex minimisation step for step as scipy.optimize.fmin does it (non-adaptive:
 * reflection 1, expansion 2, contraction ½, shrink ½; initial simplex x0 and x0 with each
 * coordinate ×1.05, or 0.00025 where it is 0; stable re-sorting; the same order of tests and
 * evaluations), so the same function gives the same minimiser.
 */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const xatol = options.xatol ?? 1e-4;
  const fatol = options.fatol ?? 1e-4;
  let maxiter = options.maxiter;
  let maxfev = options.maxfev;
  if (maxiter === undefined && maxfev === undefined) {
    maxiter = 200 * n;
    maxfev = 200 * n;
  } else if (maxiter === undefined) {
    maxiter = maxfev === Number.POSITIVE_INFINITY ? 200 * n : Number.POSITIVE_INFINITY;
  } else if (maxfev === undefined) {
    maxfev = maxiter === Number.POSITIVE_INFINITY ? 200 * n : Number.POSITIVE_INFINITY;
  }
  const limitIter = maxiter as number;
  const limitFev = maxfev as number;

  let evaluations = 0;
  class TooManyEvaluations extends Error {}
  const evaluate = (x: number[]): number => {
    if (evaluations >= limitFev) throw new TooManyEvaluations();
    evaluations++;
    return f([...x]);
  };

  let sim: number[][] = [[...x0]];
  for (let k = 0; k < n; k++) {
    const y = [...x0];
    y[k] = y[k] !== 0 ? (1 + NONZERO_DELTA) * y[k] : ZERO_DELTA;
    sim.push(y);
  }
  let fsim: number[] = new Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const sort = () => {
    const order = fsim.map((_, i) => i).sort((a, b) => (before(fsim[a], fsim[b]) ? -1 : before(fsim[b], fsim[a]) ? 1 : 0));
    sim = order.map((i) => sim[i]);
    fsim = order.map((i) => fsim[i]);
  };
  try {
    for (let k = 0; k <= n; k++) fsim[k] = evaluate(sim[k]);
  } catch (error) {
    if (!(error instanceof TooManyEvaluations)) throw error;
  }
  sort();

  const combine = (a: number, xa: number[], b: number, xb: number[]) => xa.map((v, i) => a * v + b * xb[i]);
  let iterations = 1;
  while (evaluations < limitFev && iterations < limitIter) {
    try {
      let spread = 0;
      let fspread = 0;
      for (let j = 1; j <= n; j++) {
        for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(sim[j][i] - sim[0][i]));
        fspread = Math.max(fspread, Math.abs(fsim[0] - fsim[j]));
      }
      if (spread <= xatol && fspread <= fatol) break;

      const xbar = new Array(n).fill(0);
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) xbar[i] += sim[j][i];
      for (let i = 0; i < n; i++) xbar[i] /= n;
      const worst = sim[n];
      const xr = combine(1 + RHO, xbar, -RHO, worst);
      const fxr = evaluate(xr);
      if (fxr < fsim[0]) {
        const xe = combine(1 + RHO * CHI, xbar, -RHO * CHI, worst);
        const fxe = evaluate(xe);
        if (fxe < fxr) {
          sim[n] = xe;
          fsim[n] = fxe;
        } else {
          sim[n] = xr;
          fsim[n] = fxr;
        }
      } else if (fxr < fsim[n - 1]) {
        sim[n] = xr;
        fsim[n] = fxr;
      } else {
        let shrink = false;
        if (fxr < fsim[n]) {
          const xc = combine(1 + PSI * RHO, xbar, -PSI * RHO, worst);
          const fxc = evaluate(xc);
          if (fxc <= fxr) {
            sim[n] = xc;
            fsim[n] = fxc;
          } else shrink = true;
        } else {
          const xcc = combine(1 - PSI, xbar, PSI, worst);
          const fxcc = evaluate(xcc);
          if (fxcc < fsim[n]) {
            sim[n] = xcc;
            fsim[n] = fxcc;
          } else shrink = true;
        }
        if (shrink) {
          for (let j = 1; j <= n; j++) {
            sim[j] = sim[0].map((v, i) => v + SHRINK * (sim[j][i] - v));
            fsim[j] = evaluate(sim[j]);
          }
        }
      }
      iterations++;
    } catch (error) {
      if (!(error instanceof TooManyEvaluations)) throw error;
    } finally {
      sort();
    }
  }
  return { x: sim[0], fun: Math.min(...fsim), iterations, evaluations };
}
