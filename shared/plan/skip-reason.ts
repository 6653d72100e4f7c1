/** The reference's defaults: fewest and most eigenvalues per layer (M·rf), largest N. */
export const MIN_EVALS = 10;
export const MAX_EVALS = 15000;
export const MAX_N = 50000;

/** Why the reference does not analyse a layer of this size (checked in its order), or undefined when it does. */
export function skipReason(N: number, M: number, rf: number): string | undefined {
  const evals = M * rf;
  if (evals < MIN_EVALS) return `too small: ${evals} eigenvalues (M·rf = ${M}·${rf}), fewer than the ${MIN_EVALS} the fit needs`;
  if (evals > MAX_EVALS) return `too large: ${evals} eigenvalues (M·rf = ${M}·${rf}), more than the reference's limit of ${MAX_EVALS}`;
  if (N > MAX_N) return `too large: N = ${N} exceeds the reference's limit of ${MAX_N} (as for a large token embedding)`;
  return undefined;
}
