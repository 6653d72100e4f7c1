import type { LayerSpectrum } from "./types.ts";
import type { WasmLinalg } from "../linalg/wasm/types.ts";
import { EsdError } from "./esd-error.ts";
import { lowerBandOffset } from "./lower-band-offset.ts";
import { packedGramSpectrum } from "./packed-layer-spectrum.ts";

/** One lower band [start, end) of a Gram (LowerBand), its values read back in their row-major order. */
export interface GramBand {
  start: number;
  end: number;
  values: () => AsyncIterable<Float64Array>;
}

/**
 * The spectrum of a Gram of order `order` built in lower bands that tile it (wasmLowerBand, one task
 * each): the bands are written into a packed Gram in WASM memory a chunk at a time, so only the
 * packed triangle and one chunk are ever held, and its eigenvalues are taken in place as
 * packedLayerSpectrum takes them.
 */
export async function packedBandSpectrum(order: number, bands: GramBand[], engine: WasmLinalg): Promise<LayerSpectrum> {
  bands.forEach((band, k) => {
    const expected = k === 0 ? 0 : bands[k - 1].end;
    if (band.start !== expected || band.end <= band.start) throw new EsdError("invalid_option", `band ${k} is [${band.start}, ${band.end}); bands must tile [0, ${order}) in order`);
  });
  if (bands.at(-1)?.end !== order) throw new EsdError("invalid_option", `the bands end at ${bands.at(-1)?.end ?? 0}, not at the Gram's order ${order}`);
  const gram = engine.createGram(order);
  try {
    for (const { start, end, values } of bands) {
      let from = 0;
      for await (const chunk of values()) {
        gram.setBandValues(start, end, from, chunk);
        from += chunk.length;
      }
      const size = lowerBandOffset(start, end, order);
      if (from !== size) throw new EsdError("reader_mismatch", `band [${start}, ${end}) gave ${from} of its ${size} values`);
    }
    return packedGramSpectrum(gram);
  } finally {
    gram.dispose();
  }
}
