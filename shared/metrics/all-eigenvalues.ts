import type { LayerSpectrum } from "../esd/types.ts";

/** Every eigenvalue of the layer (all slices pooled), ascending: the layer's ESD. */
export function allEigenvalues(spectrum: LayerSpectrum): Float64Array {
  const total = spectrum.slices.reduce((n, s) => n + s.length, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const s of spectrum.slices) {
    out.set(s, at);
    at += s.length;
  }
  return out.sort();
}
