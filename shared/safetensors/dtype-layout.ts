import type { TensorDtype } from "./types.ts";
import { isDtype } from "./is-dtype.ts";
import { isBlockDtype } from "./is-block-dtype.ts";
import { dtypeByteSize } from "./dtype-byte-size.ts";
import { decodeValues } from "./decode-values.ts";
import { BLOCK_DECODERS } from "../gguf/block-decoders.ts";
import { GGML_TYPES } from "../gguf/ggml-types.ts";

/**
 * How a dtype is stored: values come in blocks of `valuesPerBlock` taking `bytesPerBlock` bytes
 * (1 value per block for plain element types, 32 or 256 for GGUF's quantized types), and `decode`
 * turns whole blocks into float32 values (returning how many it wrote), or is null for a type
 * heavytail lists but does not decode.
 */
export interface DtypeLayout {
  valuesPerBlock: number;
  bytesPerBlock: number;
  decode: ((bytes: Uint8Array, out: Float32Array) => number) | null;
}

const OPAQUE = new Map(GGML_TYPES.map((t) => [t.dtype as string, t]));

/** The storage layout and decoder of a dtype. */
export function dtypeLayout(dtype: TensorDtype): DtypeLayout {
  if (isDtype(dtype)) return { valuesPerBlock: 1, bytesPerBlock: dtypeByteSize(dtype), decode: (bytes, out) => decodeValues(dtype, bytes, out) };
  if (isBlockDtype(dtype)) return BLOCK_DECODERS[dtype];
  const type = OPAQUE.get(dtype);
  if (!type) throw new RangeError(`unknown dtype ${JSON.stringify(dtype)}`);
  return { valuesPerBlock: type.valuesPerBlock, bytesPerBlock: type.bytesPerBlock, decode: null };
}
