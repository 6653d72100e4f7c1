/**
 * The fitted power law on the ESD's density scale, as two points (log10 λ, log10 ρ) from xmin to
 * xmax: ρ(λ) = (k/n) · (α − 1)/xmin · (λ/xmin)^(−α), the normalised Pareto density of the k tail
 * eigenvalues, weighted by their share of all n. Null when there is no usable fit.
 */
export function powerLawLine(
  alpha: number | null,
  xmin: number | null,
  xmax: number | null,
  tailCount: number,
  total: number,
): [number, number][] | null {
  if (alpha === null || xmin === null || xmax === null) return null;
  if (!(alpha > 1) || !(xmin > 0) || !(xmax > xmin) || !(tailCount > 0) || !(total > 0)) return null;
  const logRho = (lambda: number) =>
    Math.log10(tailCount / total) + Math.log10((alpha - 1) / xmin) - alpha * Math.log10(lambda / xmin);
  return [
    [Math.log10(xmin), logRho(xmin)],
    [Math.log10(xmax), logRho(xmax)],
  ];
}
