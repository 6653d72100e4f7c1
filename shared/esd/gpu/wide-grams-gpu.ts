import type { GramLayout } from "../gram-layout.ts";
import type { ValueReader } from "../types.ts";
import { panelRows } from "../panel-rows.ts";
import { readPanel } from "../read-panel.ts";
import type { GpuCrossProduct } from "./create-gpu-cross-product.ts";
import { addProductBlock } from "./add-product-block.ts";
import { mirrorLower } from "./mirror-lower.ts";
import { packTransposedChunk } from "./pack-transposed-chunk.ts";
import { stagingBuffers } from "./staging-buffers.ts";

/**
 * G_s = W_s W_sᵀ (rows × rows) for each slice of a wide layer (rows < cols), read in row panels
 * as computeLayerGrams reads them (panel I held while panels J ≤ I are re-read), panels no taller
 * than one GPU tile. Each block G[I,J] = W_I W_Jᵀ is summed over column chunks of `depth`: one
 * float32 GPU product per chunk, the chunks added in float64 on the CPU, so the float32 rounding
 * is that of `depth` terms as in the tall case.
 */
export async function wideGramsGpu(layout: GramLayout, read: ValueReader, gpu: GpuCrossProduct, panelBytes?: number): Promise<Float64Array[]> {
  const { rows: n, cols, rf } = layout;
  const { depth, tile } = gpu;
  const p = Math.min(panelRows(layout, panelBytes), tile);
  const panels = Math.ceil(n / p);
  const rowsOf = (k: number) => Math.min(p, n - k * p);
  const grams = Array.from({ length: rf }, () => new Float64Array(n * n));
  const panelI = Array.from({ length: rf }, () => new Float64Array(p * cols));
  const panelJ = panels > 1 ? Array.from({ length: rf }, () => new Float64Array(p * cols)) : panelI;
  const buffer = stagingBuffers();
  for (let I = 0; I < panels; I++) {
    const pI = rowsOf(I);
    await readPanel(layout, read, I * p, pI, panelI);
    for (let J = 0; J <= I; J++) {
      const pJ = rowsOf(J);
      const b = J === I ? panelI : await readPanel(layout, read, J * p, pJ, panelJ);
      for (let s = 0; s < rf; s++) {
        for (let first = 0; first < cols; first += depth) {
          const x = packTransposedChunk(panelI[s], pI, cols, first, depth, buffer("x", depth * pI));
          const y = J === I ? x : packTransposedChunk(b[s], pJ, cols, first, depth, buffer("y", depth * pJ));
          addProductBlock(await gpu.product(x, y, pI, pJ), grams[s], n, I * p, J * p, I === J);
        }
      }
    }
  }
  return grams.map((g) => mirrorLower(g, n));
}
