import type { ByteSource, TensorInfo } from "../safetensors/types.ts";
import type { ValueReader } from "../esd/types.ts";
import { findNonFinite } from "../safetensors/find-non-finite.ts";
import { NonFiniteWeightError } from "../safetensors/non-finite-weight-error.ts";
import { SafetensorsError } from "../safetensors/safetensors-error.ts";
import { ByteRangeError } from "../safetensors/byte-range-error.ts";
import { quantizedRowReader } from "./quantized-row-readers.ts";
import { QuantizedError } from "./quantized-error.ts";

/**
 * `tensorValueReader` for a quantized safetensors weight (TensorInfo.quantized): the float32 values
 * of its [out, in] matrix in row-major order, dequantized as its scheme's reference does
 * (docs/metrics.md §9). Any element range is read through the whole rows that hold it; the small
 * parts (scales, zeros, g_idx) are read by range before the packed values are streamed.
 * Throws NonFiniteWeightError at the first NaN or ±Inf.
 */
export function quantizedValueReader(source: ByteSource, tensor: TensorInfo): ValueReader {
  const layout = tensor.quantized;
  if (!layout || tensor.shape.length !== 2) throw new QuantizedError("invalid_layout", tensor.file, "is not a 2-D quantized weight", tensor.name);
  const [rows, cols] = tensor.shape;
  const total = rows * cols;
  const readRows = quantizedRowReader(source, tensor, layout);

  return async function* readValues(first: number, count: number): AsyncGenerator<Float32Array> {
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || first < 0 || count < 0 || first + count > total) {
      throw new SafetensorsError("element_range", tensor.file, `elements ${first}..${first + count} are outside its ${total} elements`, tensor.name);
    }
    if (count === 0) return;
    const r0 = Math.floor(first / cols);
    const r1 = Math.ceil((first + count) / cols);
    let skip = first - r0 * cols;
    let emitted = 0;
    for await (const values of readRows(r0, r1)) {
      if (skip >= values.length) {
        skip -= values.length;
        continue;
      }
      const out = values.subarray(skip, skip + Math.min(values.length - skip, count - emitted));
      skip = 0;
      const bad = findNonFinite(out);
      if (bad >= 0) throw new NonFiniteWeightError(tensor.file, tensor.name, first + emitted + bad, out[bad]);
      emitted += out.length;
      yield out;
      if (emitted === count) return;
    }
    throw new ByteRangeError("short_read", source.name, `ended after ${emitted} of ${count} values of tensor ${JSON.stringify(tensor.name)}`);
  };
}
