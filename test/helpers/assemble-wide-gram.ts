import type { LayerPlan } from "#shared/plan";
import { type WideGramBlock, gramLayout, EsdError } from "#shared/esd";

/** The full symmetric Grams WWᵀ of a wide layer from its blocks G[I, J], J ≤ I, each present once. */
export function assembleWideGram(plan: LayerPlan, blocks: readonly WideGramBlock[], panelRowCount: number): Float64Array[] {
  const { rows: n, rf, side } = gramLayout(plan);
  if (side !== "rows") throw new EsdError("invalid_option", `layer ${JSON.stringify(plan.name)} is tall`);
  const panels = Math.ceil(n / panelRowCount);
  const seen = new Set<number>();
  const grams = Array.from({ length: rf }, () => new Float64Array(n * n));
  const rowsOf = (p: number) => Math.min(panelRowCount, n - p * panelRowCount);
  for (const { i, j, block } of blocks) {
    const key = i * panels + j;
    if (!(j >= 0 && j <= i && i < panels) || seen.has(key) || block.length !== rf || block.some((b) => b.length !== rowsOf(i) * rowsOf(j))) {
      throw new EsdError("invalid_gram", `block (${i}, ${j}) does not fit ${panels} panels of ${panelRowCount} rows, or is repeated`);
    }
    seen.add(key);
    block.forEach((b, s) => {
      const g = grams[s];
      for (let x = 0; x < rowsOf(i); x++) {
        for (let y = 0; y < rowsOf(j); y++) {
          const value = b[x * rowsOf(j) + y];
          const r = i * panelRowCount + x;
          const c = j * panelRowCount + y;
          g[r * n + c] = value;
          g[c * n + r] = value;
        }
      }
    });
  }
  if (seen.size !== (panels * (panels + 1)) / 2) throw new EsdError("invalid_gram", `${seen.size} of ${(panels * (panels + 1)) / 2} blocks present`);
  return grams;
}
