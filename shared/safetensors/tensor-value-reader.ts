import type { ByteSource, TensorInfo } from "./types.ts";
import type { ValueReader } from "../esd/types.ts";
import { dtypeByteSize } from "./dtype-byte-size.ts";
import { decodeValues } from "./decode-values.ts";
import { findNonFinite } from "./find-non-finite.ts";
import { NonFiniteWeightError } from "./non-finite-weight-error.ts";
import { SafetensorsError, quoteName } from "./safetensors-error.ts";
import { ByteRangeError } from "./byte-range-error.ts";
import { isDtype } from "./is-dtype.ts";
import { blockValueReader } from "./block-value-reader.ts";
import { DEFAULT_CHUNK_BYTES } from "./default-chunk-bytes.ts";
import { quantizedValueReader } from "../quantized/quantized-value-reader.ts";

export { DEFAULT_CHUNK_BYTES };

/**
 * Streams decoded float32 values of one tensor from its source. Each yielded chunk holds at most
 * `chunkBytes` of stored values (at least one value); source chunks may cut a value anywhere.
 * Throws NonFiniteWeightError at the first NaN or ±Inf. Block-quantized dtypes (GGUF) are read in
 * whole blocks by `blockValueReader`; a quantized safetensors weight (GPTQ, AWQ, FP8 block, MXFP4)
 * is dequantized from its parts by `quantizedValueReader`; a tensor listed as unreadable is refused.
 */
export function tensorValueReader(source: ByteSource, tensor: TensorInfo, options: { chunkBytes?: number } = {}): ValueReader {
  if (tensor.unreadable !== undefined) throw new SafetensorsError("unreadable_tensor", tensor.file, tensor.unreadable, tensor.name);
  if (tensor.quantized) return quantizedValueReader(source, tensor);
  const dtype = tensor.dtype;
  if (!isDtype(dtype)) return blockValueReader(source, tensor, options);
  const size = dtypeByteSize(dtype);
  const total = (tensor.end - tensor.begin) / size;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`chunkBytes must be a positive integer, got ${chunkBytes}`);
  const valuesPerChunk = Math.max(1, Math.floor(chunkBytes / size));

  return async function* readValues(first: number, count: number): AsyncGenerator<Float32Array> {
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || first < 0 || count < 0 || first + count > total) {
      throw new SafetensorsError("element_range", tensor.file, `elements ${first}..${first + count} are outside its ${total} elements`, tensor.name);
    }
    const carry = new Uint8Array(size);
    let carried = 0;
    let emitted = 0;
    let out = new Float32Array(Math.min(valuesPerChunk, count));
    let filled = 0;
    const emit = (): Float32Array => {
      const bad = findNonFinite(out, filled);
      if (bad >= 0) throw new NonFiniteWeightError(tensor.file, tensor.name, first + emitted + bad, out[bad]);
      const done = filled === out.length ? out : out.slice(0, filled);
      emitted += filled;
      out = new Float32Array(Math.min(valuesPerChunk, count - emitted));
      filled = 0;
      return done;
    };
    const received = () => emitted + filled;
    const overrun = () =>
      new ByteRangeError("short_read", source.name, `delivered more bytes than the ${count * size} asked for tensor ${quoteName(tensor.name)}`);

    if (count === 0) return;
    for await (const chunk of source.stream(tensor.begin + first * size, count * size)) {
      let at = 0;
      if (carried > 0) {
        const take = Math.min(size - carried, chunk.byteLength);
        carry.set(chunk.subarray(0, take), carried);
        carried += take;
        at = take;
        if (carried < size) continue;
        if (received() >= count) throw overrun();
        decodeValues(dtype, carry, out.subarray(filled, filled + 1));
        filled++;
        carried = 0;
        if (filled === out.length) yield emit();
      }
      while (at < chunk.byteLength) {
        const whole = Math.floor((chunk.byteLength - at) / size);
        if (whole === 0) {
          carry.set(chunk.subarray(at));
          carried = chunk.byteLength - at;
          break;
        }
        if (received() >= count) throw overrun();
        const take = Math.min(whole, out.length - filled);
        decodeValues(dtype, chunk.subarray(at, at + take * size), out.subarray(filled, filled + take));
        filled += take;
        at += take * size;
        if (filled === out.length) yield emit();
      }
    }
    if (carried > 0 || received() < count) {
      throw new ByteRangeError(
        "short_read",
        source.name,
        `ended after ${received() * size + carried} of ${count * size} bytes of tensor ${quoteName(tensor.name)}`,
      );
    }
  };
}
