import type { GramLayout } from "../gram-layout.ts";
import type { ValueReader } from "../types.ts";
import type { GpuCrossProduct } from "./create-gpu-cross-product.ts";
import { addProductBlock } from "./add-product-block.ts";
import { mirrorLower } from "./mirror-lower.ts";
import { packColumns } from "./pack-columns.ts";
import { stagingBuffers } from "./staging-buffers.ts";
import { GpuGramError } from "./gpu-gram-error.ts";
import { exactValues } from "../exact-values.ts";
import { splitSlices } from "../split-slices.ts";

/**
 * G_s = Σ over row blocks of B_sᵀB_s for each slice s of a tall layer (rows ≥ cols), where B_s
 * holds `depth` rows in float32 (scaled in float32 as the reference does): each block product is
 * one GPU call per lower-triangle tile, summed into the float64 G on the CPU. Memory: the Grams,
 * rf·depth·cols float32 values of blocks, and two tiles of staging.
 */
export async function tallGramsGpu(layout: GramLayout, read: ValueReader, gpu: GpuCrossProduct): Promise<Float64Array[]> {
  const { cols: m, rf, rows, rowLength, scale } = layout;
  const { depth, tile } = gpu;
  const grams = Array.from({ length: rf }, () => new Float64Array(m * m));
  const blocks = Array.from({ length: rf }, () => new Float32Array(depth * m));
  const tiles = Math.ceil(m / tile);
  const buffer = stagingBuffers();

  const flush = async (count: number) => {
    for (let s = 0; s < rf; s++) {
      const block = blocks[s];
      // zero rows add exactly nothing, so a short last block runs through the same kernel
      block.fill(0, count * m);
      for (let I = 0; I < tiles; I++) {
        const i0 = I * tile;
        const pI = Math.min(tile, m - i0);
        for (let J = 0; J <= I; J++) {
          const j0 = J * tile;
          const pJ = Math.min(tile, m - j0);
          const x = tiles === 1 ? block : packColumns(block, depth, m, i0, pI, buffer("x", depth * pI));
          const y = I === J ? x : packColumns(block, depth, m, j0, pJ, buffer("y", depth * pJ));
          addProductBlock(await gpu.product(x, y, pI, pJ), grams[s], m, i0, j0, I === J);
        }
      }
    }
  };

  const expected = rows * rowLength;
  // a block is `depth` whole rows: slice s's values fill blocks[s] row-major up to filled[s]
  const blockValues = depth * rowLength;
  const filled = new Array<number>(rf).fill(0);
  let inBlock = 0;
  for await (const chunk of exactValues(read, 0, expected, (message) => new GpuGramError("reader_mismatch", message))) {
    let k = 0;
    while (k < chunk.length) {
      const take = Math.min(chunk.length - k, blockValues - inBlock);
      splitSlices(chunk, k, k + take, inBlock % rf, scale, blocks, filled);
      k += take;
      inBlock += take;
      if (inBlock === blockValues) {
        await flush(depth);
        inBlock = 0;
        filled.fill(0);
      }
    }
  }
  // exactValues has checked that the values end with a whole row
  if (inBlock > 0) await flush(inBlock / rowLength);
  return grams.map((g) => mirrorLower(g, m));
}
