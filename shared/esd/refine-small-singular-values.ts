import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum, ValueReader } from "./types.ts";
import { computeLayerGrams, type GramOptions } from "./compute-layer-grams.ts";
import { gramLayout, type GramLayout } from "./gram-layout.ts";
import { choleskyFactor } from "../linalg/cholesky-factor.ts";
import { choleskySolve } from "../linalg/cholesky-solve.ts";
import { orthonormalize } from "../linalg/orthonormalize.ts";
import type { SymmetricReduction } from "../linalg/symmetric-reduction.ts";
import { smallEigenvectors } from "../linalg/small-eigenvectors.ts";
import { jacobiSingularValues } from "../linalg/jacobi-singular-values.ts";
import { LinalgError } from "../linalg/linalg-error.ts";
import { createRng } from "../metrics/create-rng.ts";
import { EsdError } from "./esd-error.ts";
import { exactValues } from "./exact-values.ts";

/**
 * Gram eigenvalues below REFINE_BELOW·λmax are refined: there the Gram's absolute error (a few
 * ε·λmax) is more than ~1e-8 of the eigenvalue, so √λ would miss the reference's sv_min by more than
 * its 1e-6 tolerance allows, and exact zeros cannot be told from tiny singular values.
 */
export const REFINE_BELOW = 1e-8;
/** guard vectors: the subspace also spans every eigenvalue up to GUARD·REFINE_BELOW·λmax */
const GUARD = 100;
const MIN_GUARD_VECTORS = 4;
/** largest refined subspace and projection held, beyond which the Gram's noise-floor verdict stands */
export const DEFAULT_MAX_SUBSPACE = 256;
export const DEFAULT_MAX_PROJECTION_BYTES = 64 << 20;
/** the start vectors only need to be generic; a fixed seed (per slice) keeps results reproducible */
const START_SEED = 0x5eed;

export interface RefineOptions extends GramOptions {
  maxSubspace?: number;
  maxProjectionBytes?: number;
}

/** How one slice's small end is refined. */
export interface SmallEndPlan {
  slice: number;
  /** eigenvalues to replace: indices 0..count-1 (those ≤ REFINE_BELOW·λmax) */
  count: number;
  /** vectors in the subspace: count plus guards */
  size: number;
  /** μ of the inverse iteration on B + μI */
  shift: number;
  /** inverse-iteration steps */
  steps: number;
}

/**
 * The refinement one slice needs, from its ascending eigenvalues (noise floor already zeroed), or
 * undefined: no eigenvalue ≤ REFINE_BELOW·λmax, or the subspace or its projection over the limits
 * (then the Gram's noise-floor verdict stands).
 */
export function planSmallEnd(plan: LayerPlan, slice: number, values: Float64Array, options: RefineOptions = {}): SmallEndPlan | undefined {
  const layout = gramLayout(plan);
  const { order } = layout;
  const maxSubspace = options.maxSubspace ?? DEFAULT_MAX_SUBSPACE;
  const maxProjectionBytes = options.maxProjectionBytes ?? DEFAULT_MAX_PROJECTION_BYTES;
  const projectionLength = layout.side === "columns" ? layout.rows : layout.cols;
  const lambdaMax = values[order - 1];
  const count = countAtMost(values, REFINE_BELOW * lambdaMax);
  const size = Math.min(order, Math.max(count + MIN_GUARD_VECTORS, countAtMost(values, GUARD * REFINE_BELOW * lambdaMax)));
  const fits = size <= maxSubspace && size * projectionLength * 8 <= maxProjectionBytes;
  if (!(lambdaMax > 0 && count > 0 && fits)) return undefined;
  const shift = REFINE_BELOW * lambdaMax;
  const next = size < order ? values[size] : Number.POSITIVE_INFINITY;
  // (λ_wanted + μ)/(λ_next + μ) ≤ 2μ/(λ_next + μ): enough steps to shrink unwanted components by
  // 1e-17; one when the basis spans everything
  const ratio = (2 * shift) / (next + shift);
  const steps = size === order ? 1 : Math.min(60, Math.max(2, Math.ceil(Math.log(1e-17) / Math.log(ratio))));
  return { slice, count, size, shift, steps };
}

/**
 * An orthonormal basis (p.size vectors of the Gram's order) of the slice's small eigenspace from
 * the eigensolver's kept reduction G = Q B Qᵀ: inverse subspace iteration on the band B with the
 * shift μ, then Q applied (shared/linalg/small-eigenvectors.ts). O(order²·size), against the
 * O(order³) of a factorization of G. null when a kernel cannot finish (the Gram's verdict stands).
 */
export function smallEndBasis(reduction: SymmetricReduction, order: number, p: SmallEndPlan): Float64Array[] | null {
  const start = startVectors(order, p);
  return keepVerdictOnFailure(() => smallEigenvectors(reduction, start, p.shift, p.steps)) ?? null;
}

/**
 * The same basis from a float64 Gram itself, for Grams no eigensolver reduced in float64 (a GPU's
 * float32 sums, or a solver without `reduce`): inverse subspace iteration with the Cholesky factor
 * of G + μI (the Gram is overwritten). O(order³/3), in JS.
 */
function gramSmallEndBasis(order: number, gram: Float64Array, p: SmallEndPlan): Float64Array[] | null {
  return keepVerdictOnFailure(() => {
    for (let i = 0; i < order; i++) gram[i * order + i] += p.shift;
    choleskyFactor(order, gram);
    const basis = startVectors(order, p);
    orthonormalize(basis);
    for (let step = 0; step < p.steps; step++) {
      for (const v of basis) choleskySolve(order, gram, v);
      orthonormalize(basis);
    }
    return basis;
  }) ?? null;
}

/** generic start vectors, the same for every engine and path: seeded per slice */
function startVectors(order: number, p: SmallEndPlan): Float64Array[] {
  const rng = createRng((START_SEED + p.slice) >>> 0);
  return Array.from({ length: p.size }, () => Float64Array.from({ length: order }, () => rng.uniform() - 0.5));
}

/**
 * Recomputes the small end of each slice's spectrum to the accuracy of an SVD of W, with memory
 * bounded like the Gram itself:
 * 1. a basis X of the subspace of the Gram's eigenvalues ≤ REFINE_BELOW·λmax (plus guard vectors)
 *    comes from the eigensolver's reduction (`bases`, see smallEndBasis); a slice without one
 *    (float32 Grams, or an eigensolver that keeps no reduction) gets its float64 Gram accumulated
 *    again and the basis by inverse iteration with the Cholesky factor of G + μI;
 * 2. the weights are streamed once more and projected on that basis (B = W X, or Xᵀ W for the
 *    row side); the singular values of B by one-sided Jacobi are Ritz values for the small
 *    singular values of W, accurate to the second order in the basis error, so tiny singular
 *    values are resolved instead of drowning in the Gram's rounding;
 * 3. a singular value ≤ N·ε·σmax(slice) (numpy's matrix_rank tolerance, as the reference counts
 *    rank loss) is zero: its eigenvalue becomes exactly 0 and is flagged.
 * Slices whose small subspace is larger than maxSubspace, or whose projection would exceed
 * maxProjectionBytes, or where a kernel fails to finish (basis null), keep the Gram's verdict.
 */
export async function refineSmallSingularValues(
  plan: LayerPlan,
  read: ValueReader,
  spectrum: LayerSpectrum,
  options: RefineOptions & { bases?: (Float64Array[] | null | undefined)[] } = {},
): Promise<LayerSpectrum> {
  const layout = gramLayout(plan);
  const { order, rf } = layout;
  if (spectrum.slices.length !== rf || spectrum.slices.some((s) => s.length !== order)) {
    throw new EsdError("invalid_gram", `layer ${JSON.stringify(plan.name)} needs ${rf} spectra of ${order} eigenvalues`);
  }
  const projectionLength = layout.side === "columns" ? layout.rows : layout.cols;
  const plans = spectrum.slices.map((values, slice) => planSmallEnd(plan, slice, values, options)).filter((p) => p !== undefined);
  if (plans.length === 0) return spectrum;

  const bases = plans.map((p) => options.bases?.[p.slice]);
  if (bases.some((b) => b === undefined)) {
    const { grams } = await computeLayerGrams(plan, read, options);
    plans.forEach((p, k) => {
      if (bases[k] !== undefined) return;
      bases[k] = gramSmallEndBasis(order, grams[p.slice], p);
    });
    grams.length = 0;
  }
  const tasks: SliceTask[] = [];
  plans.forEach((p, k) => {
    const basis = bases[k];
    if (basis) tasks.push({ slice: p.slice, count: p.count, basis, projection: basis.map(() => new Float64Array(projectionLength)) });
  });
  await projectWeights(layout, read, tasks);

  const slices = spectrum.slices.map((s) => Float64Array.from(s));
  const numericallyZero = spectrum.numericallyZero.map((z) => Uint8Array.from(z));
  for (const task of tasks) {
    const sigma = keepVerdictOnFailure(() => jacobiSingularValues(task.projection));
    if (!sigma) continue;
    const values = slices[task.slice];
    const zero = numericallyZero[task.slice];
    const tolerance = Math.sqrt(values[order - 1]) * plan.N * Number.EPSILON;
    for (let k = 0; k < task.count; k++) {
      const isZero = sigma[k] <= tolerance;
      values[k] = isZero ? 0 : sigma[k] * sigma[k];
      zero[k] = isZero ? 1 : 0;
    }
  }
  return { slices, numericallyZero };
}

interface SliceTask {
  slice: number;
  /** eigenvalues to replace: indices 0..count-1 */
  count: number;
  basis: Float64Array[];
  /** projections of the weights on the basis: W·x (tall) or xᵀW (wide), one per basis vector */
  projection: Float64Array[];
}

/** A kernel that cannot finish (a pivot lost to rounding, no convergence) leaves the slice with the Gram's verdict. */
function keepVerdictOnFailure<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof LinalgError) return undefined;
    throw error;
  }
}

function countAtMost(ascending: Float64Array, limit: number): number {
  let k = 0;
  while (k < ascending.length && ascending[k] <= limit) k++;
  return k;
}

/** Streams the weights once: for each row w_r of each slice, B[r] = w_r·x (tall) or B += x_r w_r (wide). */
async function projectWeights(layout: GramLayout, read: ValueReader, tasks: SliceTask[]): Promise<void> {
  const { rows, cols, rf, rowLength, scale, side } = layout;
  const bySlice = new Map(tasks.map((t) => [t.slice, t]));
  const row = Array.from({ length: rf }, () => new Float64Array(cols));
  const expected = rows * rowLength;
  let r = 0;
  let column = 0;
  let slice = 0;
  const project = () => {
    for (const [s, task] of bySlice) {
      const w = row[s];
      task.basis.forEach((x, a) => {
        const out = task.projection[a];
        if (side === "columns") {
          let sum = 0;
          for (let c = 0; c < cols; c++) sum += w[c] * x[c];
          out[r] = sum;
        } else {
          const xr = x[r];
          for (let c = 0; c < cols; c++) out[c] += xr * w[c];
        }
      });
    }
    r++;
  };
  for await (const chunk of exactValues(read, 0, expected)) {
    let k = 0;
    if (rf === 1) {
      // one slice: whole runs of a row at a time
      const w = row[0];
      while (k < chunk.length) {
        const take = Math.min(cols - column, chunk.length - k);
        if (scale === 1) w.set(chunk.subarray(k, k + take), column);
        else for (let i = 0; i < take; i++) w[column + i] = Math.fround(chunk[k + i] * scale);
        k += take;
        column += take;
        if (column < cols) continue;
        column = 0;
        project();
      }
      continue;
    }
    for (; k < chunk.length; k++) {
      row[slice][column] = scale === 1 ? chunk[k] : Math.fround(chunk[k] * scale);
      if (++slice < rf) continue;
      slice = 0;
      if (++column < cols) continue;
      column = 0;
      project();
    }
  }
}
