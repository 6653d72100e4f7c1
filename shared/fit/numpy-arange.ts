/**
 * numpy.arange(start, stop, step) for floats, value for value: length ⌈(stop − start)/step⌉ and
 * element i = start + i·δ with δ = (start + step) − start (numpy fills from its first two
 * elements), which is what scipy.optimize.brute's grid is.
 */
export function numpyArange(start: number, stop: number, step: number): Float64Array {
  const length = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isSafeInteger(length)) throw new RangeError(`arange(${start}, ${stop}, ${step}) has no finite length`);
  const out = new Float64Array(length);
  if (length > 0) out[0] = start;
  if (length > 1) out[1] = start + step;
  const delta = (start + step) - start;
  for (let i = 2; i < length; i++) out[i] = start + i * delta;
  return out;
}
