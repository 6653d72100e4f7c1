import type { GramLayout } from "#shared/esd";
import type { TaskWork } from "./task-message.ts";

/**
 * Adds one part of a split layer into the layer's Grams, in place: a tall part's partial Grams
 * are summed (G = Σ over row ranges of W_rᵀW_r); a wide block G[I,J] is written into both
 * triangles of WWᵀ. Parts arrive one at a time so only one is held beside the Grams.
 */
export function addGramPart(layout: GramLayout, grams: Float64Array[], work: TaskWork, part: Float64Array[]): void {
  const n = layout.order;
  if (work.kind === "tall-part") {
    grams.forEach((g, s) => {
      const p = part[s];
      for (let k = 0; k < g.length; k++) g[k] += p[k];
    });
    return;
  }
  if (work.kind !== "wide-block") throw new Error(`a ${work.kind} task is not a part of a Gram`);
  const { i, j, panelRows } = work;
  const rowsI = Math.min(panelRows, n - i * panelRows);
  const rowsJ = Math.min(panelRows, n - j * panelRows);
  grams.forEach((g, s) => {
    const block = part[s];
    for (let x = 0; x < rowsI; x++) {
      const r = i * panelRows + x;
      for (let y = 0; y < rowsJ; y++) {
        const c = j * panelRows + y;
        const value = block[x * rowsJ + y];
        g[r * n + c] = value;
        g[c * n + r] = value;
      }
    }
  });
}
