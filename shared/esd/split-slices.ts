/** De-interleaves values[from, to) into the rf = out.length slices (value i to slice (phase + i − from) mod rf, scaled in float32 unless scale is 1), appending slice s at at[s] and advancing it: one tight loop per slice, no allocation. */
export function splitSlices(values: Float32Array, from: number, to: number, phase: number, scale: number, out: (Float32Array | Float64Array)[], at: number[]): void {
  const rf = out.length;
  if (rf === 1 && scale === 1) {
    // a dense layer: the run is the slice
    out[0].set(values.subarray(from, to), at[0]);
    at[0] += to - from;
    return;
  }
  for (let s = 0; s < rf; s++) {
    const slice = out[s];
    let n = at[s];
    for (let i = from + ((s - phase + rf) % rf); i < to; i += rf) slice[n++] = scale === 1 ? values[i] : Math.fround(values[i] * scale);
    at[s] = n;
  }
}
