/**
 * The randomization seed of one layer, derived from the report's seed and the layer id, so that
 * layers computed in any order or on any Worker give the same report.
 */
export function layerSeed(seed: number, layerId: number): number {
  // splitmix32-style mix: neighbouring layer ids get unrelated streams
  let z = (seed + Math.imul(layerId + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
