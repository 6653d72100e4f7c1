/** numpy.linspace(start, stop, num) value for value: i·step + start with step = (stop − start)/(num − 1), the last one exactly stop. */
export function numpyLinspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}
