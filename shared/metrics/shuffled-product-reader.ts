import type { ValueReader } from "../esd/types.ts";
import { EsdError } from "../esd/esd-error.ts";

/** values per chunk handed to the Gram */
const CHUNK_VALUES = 1 << 14;

/**
 * The out·in entries of B·A (A [r, in], B [out, r], row-major) in the order of `permutation`,
 * streamed: value e of the stream is entry p = permutation(e) of B·A, p = i·in + j, computed as
 * Σ_k B[i, k]·A[k, j] in float64 and rounded to float32 (the reference's float32 np.dot, as
 * mergedValueReader rounds it). Read as a rows × cols matrix it is the reference's elementwise
 * shuffle of the formed product, laid out in any shape of the same size; B·A is never held, only
 * Aᵀ (for contiguous loads) and one chunk.
 */
export function shuffledProductReader(a: Float32Array, b: Float32Array, r: number, inDim: number, out: number, permutation: (index: number) => number): ValueReader {
  if (a.length !== r * inDim || b.length !== out * r) {
    throw new EsdError("reader_mismatch", `lora_A needs ${r}×${inDim} and lora_B ${out}×${r} values, got ${a.length} and ${b.length}`);
  }
  const at = new Float32Array(inDim * r);
  for (let k = 0; k < r; k++) for (let j = 0; j < inDim; j++) at[j * r + k] = a[k * inDim + j];
  const total = out * inDim;
  return async function* read(first: number, count: number) {
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count) || first < 0 || count < 0 || first + count > total) {
      throw new EsdError("reader_mismatch", `values ${first}..${first + count} are outside the ${total} of B·A`);
    }
    for (let start = first; start < first + count; start += CHUNK_VALUES) {
      const chunk = new Float32Array(Math.min(CHUNK_VALUES, first + count - start));
      for (let n = 0; n < chunk.length; n++) {
        const p = permutation(start + n);
        const i = Math.floor(p / inDim);
        const bRow = i * r;
        const aRow = (p - i * inDim) * r;
        let s = 0;
        for (let k = 0; k < r; k++) s += b[bRow + k] * at[aRow + k];
        chunk[n] = s;
      }
      yield chunk;
    }
  };
}
