// Eigenvalue spectra of a layer's WᵀW: reading its values, building its Gram (whole, by row panels or packed bands) and solving it.
export { analysedSpectrum } from "./analysed-spectrum.ts";
export { arrayValueReader } from "./array-value-reader.ts";
export { computeLayerGrams } from "./compute-layer-grams.ts";
export { computeLayerSpectrum } from "./compute-layer-spectrum.ts";
export { EsdError } from "./esd-error.ts";
export { computeLayerGramsGpu } from "./gpu/compute-layer-grams-gpu.ts";
export { createGpuCrossProduct, DEFAULT_DEPTH } from "./gpu/create-gpu-cross-product.ts";
export { gpuBackend } from "./gpu/gpu-backend.ts";
export { runsOnGpu } from "./gpu/runs-on-gpu.ts";
export { gramLayout, type GramLayout } from "./gram-layout.ts";
export { type GramBand, packedBandSpectrum } from "./packed-band-spectrum.ts";
export { PACKED_PANEL_BYTES, packedLayerSpectrum } from "./packed-layer-spectrum.ts";
export { readLayerValues, readValues } from "./read-layer-values.ts";
export { gramNoiseFloor, spectrumFromGrams } from "./spectrum-from-grams.ts";
export { tallGramPartial } from "./tall-gram-partial.ts";
export { type LayerSpectrum, type ValueReader } from "./types.ts";
export { wideGramBlock, type WideGramBlock } from "./wide-gram-block.ts";
