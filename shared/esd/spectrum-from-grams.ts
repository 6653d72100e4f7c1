import type { LayerPlan } from "../plan/types.ts";
import type { LayerSpectrum } from "./types.ts";
import { eigvalsh as jsEigvalsh, type Eigvalsh } from "../linalg/eigvalsh.ts";
import type { SymmetricReduction } from "../linalg/symmetric-reduction.ts";
import { gramLayout } from "./gram-layout.ts";
import { EsdError } from "./esd-error.ts";

/**
 * The noise floor of a Gram's eigenvalues: order·ε·λmax. A backward-stable eigensolver is exact
 * for a matrix within a small multiple of ε‖G‖, and forming G adds errors of about √order·ε·λmax,
 * so eigenvalues of an exactly singular G scatter within a few ε·λmax of zero (≈ 0.03–0.2 ε·λmax
 * on the fixture's dead channels). order·ε·λmax (c = 1) sits well above that scatter, and it is
 * the Gram-side image of numpy's matrix_rank tolerance N·ε·σmax applied to eigenvalues.
 */
export function gramNoiseFloor(order: number, lambdaMax: number): number {
  return order * Number.EPSILON * Math.max(lambdaMax, 0);
}

/** Sets the ascending eigenvalues at or below the noise floor to exactly 0 and flags them. */
export function zeroBelowNoiseFloor(values: Float64Array): Uint8Array {
  const order = values.length;
  const floor = gramNoiseFloor(order, values[order - 1]);
  const zero = new Uint8Array(order);
  for (let k = 0; k < order; k++) {
    if (values[k] <= floor) {
      values[k] = 0;
      zero[k] = 1;
    }
  }
  return zero;
}

export interface SpectrumFromGramsOptions {
  eigvalsh?: Eigvalsh;
  /**
   * called for each slice, in order, with its finished eigenvalues (ascending, noise floor zeroed)
   * and the eigensolver's kept reduction, while it still exists (it is disposed right after);
   * only when the eigensolver has `reduce`
   */
  withReduction?: (slice: number, values: Float64Array, reduction: SymmetricReduction) => void;
}

/**
 * Eigenvalues of every slice's Gram (the Grams are overwritten by the eigensolver). Eigenvalues
 * at or below the noise floor become exactly 0 and are flagged numerically zero.
 */
export function spectrumFromGrams(plan: LayerPlan, grams: Float64Array[], options: SpectrumFromGramsOptions = {}): LayerSpectrum {
  const { order, rf } = gramLayout(plan);
  const solve = options.eigvalsh ?? jsEigvalsh;
  if (grams.length !== rf || grams.some((g) => g.length !== order * order)) {
    throw new EsdError("invalid_gram", `layer ${JSON.stringify(plan.name)} needs ${rf} Grams of ${order}×${order}`);
  }
  const reduce = options.withReduction ? solve.reduce : undefined;
  const slices: Float64Array[] = [];
  const numericallyZero: Uint8Array[] = [];
  grams.forEach((gram, slice) => {
    const reduction = reduce?.(order, gram);
    try {
      const values = Float64Array.from(reduction ? reduction.values : solve(order, gram));
      if (values.length !== order || values.some((x) => !Number.isFinite(x))) {
        throw new EsdError("invalid_gram", `the eigensolver returned ${values.length} values for a ${order}×${order} Gram, or a non-finite one`);
      }
      values.sort();
      numericallyZero.push(zeroBelowNoiseFloor(values));
      slices.push(values);
      if (reduction) options.withReduction?.(slice, values, reduction);
    } finally {
      reduction?.dispose();
    }
  });
  return { slices, numericallyZero };
}
