import type { ByteSource, TensorInfo } from "./types.ts";
import type { ValueReader } from "../esd/types.ts";
import { dtypeLayout } from "./dtype-layout.ts";
import { elementCount } from "./element-count.ts";
import { findNonFinite } from "./find-non-finite.ts";
import { NonFiniteWeightError } from "./non-finite-weight-error.ts";
import { SafetensorsError, quoteName } from "./safetensors-error.ts";
import { ByteRangeError } from "./byte-range-error.ts";
import { DEFAULT_CHUNK_BYTES } from "./default-chunk-bytes.ts";

/**
 * `tensorValueReader` for block-stored dtypes (GGUF's Q4_K and friends): the bytes of the blocks
 * that hold elements first…first+count are streamed, decoded a run of whole blocks at a time (a
 * block cut across source chunks is carried over), and the values outside the asked range are
 * dropped from the first and last block. Each yielded chunk holds the values of at most
 * `chunkBytes` of stored blocks (at least one block). Throws NonFiniteWeightError at the first NaN or ±Inf.
 */
export function blockValueReader(source: ByteSource, tensor: TensorInfo, options: { chunkBytes?: number } = {}): ValueReader {
  const { valuesPerBlock, bytesPerBlock, decode } = dtypeLayout(tensor.dtype);
  if (!decode) throw new SafetensorsError("unreadable_tensor", tensor.file, `its type ${tensor.dtype} is not one heavytail decodes`, tensor.name);
  const total = elementCount(tensor.shape);
  if (total === null || total % valuesPerBlock !== 0 || (total / valuesPerBlock) * bytesPerBlock !== tensor.end - tensor.begin) {
    throw new SafetensorsError(
      "size_mismatch",
      tensor.file,
      `shape [${tensor.shape.join(", ")}] of ${tensor.dtype} (${valuesPerBlock} values in ${bytesPerBlock} bytes per block) does not fill its ${tensor.end - tensor.begin} bytes`,
      tensor.name,
    );
  }
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`chunkBytes must be a positive integer, got ${chunkBytes}`);
  const blocksPerChunk = Math.max(1, Math.floor(chunkBytes / bytesPerBlock));

  return async function* readValues(first: number, count: number): AsyncGenerator<Float32Array> {
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || first < 0 || count < 0 || first + count > total) {
      throw new SafetensorsError("element_range", tensor.file, `elements ${first}..${first + count} are outside its ${total} elements`, tensor.name);
    }
    if (count === 0) return;
    const firstBlock = Math.floor(first / valuesPerBlock);
    const blocks = Math.ceil((first + count) / valuesPerBlock) - firstBlock;
    const wantedBytes = blocks * bytesPerBlock;
    let skip = first - firstBlock * valuesPerBlock;
    let emitted = 0;
    let decoded = 0;
    const carry = new Uint8Array(bytesPerBlock);
    let carried = 0;

    /** Decodes whole blocks and returns the values of them that lie in the asked range. */
    const take = (bytes: Uint8Array): Float32Array => {
      const n = bytes.byteLength / bytesPerBlock;
      if (decoded + n > blocks) {
        throw new ByteRangeError("short_read", source.name, `delivered more bytes than the ${wantedBytes} asked for tensor ${quoteName(tensor.name)}`);
      }
      decoded += n;
      const values = new Float32Array(n * valuesPerBlock);
      decode(bytes, values);
      const keep = Math.min(values.length - skip, count - emitted);
      const out = skip === 0 && keep === values.length ? values : values.subarray(skip, skip + keep);
      skip = 0;
      const bad = findNonFinite(out);
      if (bad >= 0) throw new NonFiniteWeightError(tensor.file, tensor.name, first + emitted + bad, out[bad]);
      emitted += keep;
      return out;
    };

    for await (const chunk of source.stream(tensor.begin + firstBlock * bytesPerBlock, wantedBytes)) {
      let at = 0;
      if (carried > 0) {
        const more = Math.min(bytesPerBlock - carried, chunk.byteLength);
        carry.set(chunk.subarray(0, more), carried);
        carried += more;
        at = more;
        if (carried < bytesPerBlock) continue;
        carried = 0;
        yield take(carry);
      }
      while (at < chunk.byteLength) {
        const whole = Math.floor((chunk.byteLength - at) / bytesPerBlock);
        if (whole === 0) {
          carry.set(chunk.subarray(at));
          carried = chunk.byteLength - at;
          break;
        }
        const n = Math.min(whole, blocksPerChunk);
        yield take(chunk.subarray(at, at + n * bytesPerBlock));
        at += n * bytesPerBlock;
      }
    }
    if (carried > 0 || decoded < blocks) {
      throw new ByteRangeError(
        "short_read",
        source.name,
        `ended after ${decoded * bytesPerBlock + carried} of ${wantedBytes} bytes of tensor ${quoteName(tensor.name)}`,
      );
    }
  };
}
