import { EsdError } from "#shared/esd";

/** Element-wise sum of partial Grams (one array per slice in each part), e.g. over disjoint row ranges. */
export function sumGrams(parts: readonly Float64Array[][]): Float64Array[] {
  if (parts.length === 0) throw new EsdError("invalid_gram", "no partial Grams to add");
  const [first, ...rest] = parts;
  const total = first.map((g) => Float64Array.from(g));
  for (const part of rest) {
    if (part.length !== total.length || part.some((g, s) => g.length !== total[s].length)) {
      throw new EsdError("invalid_gram", "partial Grams of different shapes");
    }
    part.forEach((g, s) => {
      const t = total[s];
      for (let k = 0; k < g.length; k++) t[k] += g[k];
    });
  }
  return total;
}
