import { describe, expect, it } from "vitest";
import { compiledLinalgModule } from "../../test/wasm/compiled-linalg.ts";
import { arrayValueReader } from "./array-value-reader.ts";
import { computeLayerSpectrum } from "./compute-layer-spectrum.ts";
import { createWasmLinalg } from "../linalg/wasm/create-wasm-linalg.ts";
import { wasmLowerBand } from "../linalg/wasm/wasm-lower-band.ts";
import type { LayerPlan } from "../plan/types.ts";
import { lowerBandOffset } from "./lower-band-offset.ts";
import { packedBandSpectrum, type GramBand } from "./packed-band-spectrum.ts";

const wasm = createWasmLinalg(await compiledLinalgModule());

function dense(rows: number, cols: number): LayerPlan {
  return {
    layer_id: 0, name: "w", layer_type: "dense", rows, cols, rf: 1, N: cols, M: rows, scale: 1,
    tensor: { name: "w.weight", dtype: "F32", shape: [rows, cols], begin: 0, end: rows * cols * 4, file: "model.safetensors" },
  };
}

function weights(n: number, seed: number): Float32Array {
  let s = seed;
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[k] = (s / 2 ** 32 - 0.5) * (1 + (k % 5));
  }
  return out;
}

/** each band's values as wasmLowerBand hands them out, reading W through a reader that counts */
async function buildBands(plan: LayerPlan, values: Float32Array, edges: number[], panelBytes: number) {
  let read = 0;
  const reader = arrayValueReader(values);
  const counting = async function* (first: number, count: number) {
    for await (const chunk of reader(first, count)) {
      read += chunk.length;
      yield chunk;
    }
  };
  const bands: (GramBand & { all: Float64Array[] })[] = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const all: Float64Array[] = [];
    await wasmLowerBand(wasm, plan, counting, edges[b], edges[b + 1], async (v) => void all.push(v.slice()), { panelBytes });
    bands.push({ start: edges[b], end: edges[b + 1], all, values: async function* () { yield* all; } });
  }
  return { bands, read };
}

describe("a wide layer's Gram built in lower bands", () => {
  const [rows, cols] = [70, 230];
  const plan = dense(rows, cols);
  const values = weights(rows * cols, 11);
  const gram = (r: number, c: number) => {
    let sum = 0;
    for (let t = 0; t < cols; t++) sum += values[r * cols + t] * values[c * cols + t];
    return sum;
  };

  it("hands out each band's entries of W Wᵀ, row by row, reading the rows from the band's start once", async () => {
    const edges = [0, 29, 58, 70];
    // panels of 6 rows: the bands' own rows and the rows below them come in several panels each
    const { bands, read } = await buildBands(plan, values, edges, 6 * cols * 4);
    expect(read).toBe(cols * (rows + (rows - 29) + (rows - 58)));
    let scale = 0;
    for (let r = 0; r < rows; r++) scale = Math.max(scale, gram(r, r));
    for (const band of bands) {
      const flat = Float64Array.from(band.all.flatMap((a) => [...a]));
      expect(flat.length).toBe(lowerBandOffset(band.start, band.end, rows));
      let worst = 0;
      for (let r = band.start; r < rows; r++) {
        for (let c = band.start; c < Math.min(band.end, r + 1); c++) {
          worst = Math.max(worst, Math.abs(flat[lowerBandOffset(band.start, band.end, r) + c - band.start] - gram(r, c)));
        }
      }
      expect(worst / scale).toBeLessThan(1e-14);
    }
  });

  it("gives the float64 path's eigenvalues once the bands are put together", async () => {
    for (const edges of [[0, rows], [0, 1, 40, rows], [0, 35, 36, 69, rows]]) {
      const { bands } = await buildBands(plan, values, edges, 5 * cols * 4);
      const spectrum = await packedBandSpectrum(rows, bands, wasm);
      const full = await computeLayerSpectrum(plan, arrayValueReader(values), { refine: false });
      const lambdaMax = full.slices[0].at(-1)!;
      let worst = 0;
      spectrum.slices[0].forEach((x, k) => (worst = Math.max(worst, Math.abs(x - full.slices[0][k]))));
      expect(worst / lambdaMax).toBeLessThan(1e-12);
    }
  });

  it("refuses bands that do not tile the Gram, and a band short of values", async () => {
    const { bands } = await buildBands(plan, values, [0, 40, rows], 8 * cols * 4);
    await expect(packedBandSpectrum(rows, [bands[1], bands[0]], wasm)).rejects.toThrow(/tile/);
    await expect(packedBandSpectrum(rows, [bands[0]], wasm)).rejects.toThrow(/not at the Gram's order/);
    const short = { ...bands[1], values: async function* () { yield bands[1].all[0]; } };
    await expect(packedBandSpectrum(rows, [bands[0], short], wasm)).rejects.toThrow(/gave \d+ of its \d+ values/);
  });

  it("takes wide dense layers only", async () => {
    await expect(wasmLowerBand(wasm, dense(300, 64), arrayValueReader(weights(300 * 64, 1)), 0, 300, async () => {})).rejects.toThrow(/wide dense/);
  });
});
