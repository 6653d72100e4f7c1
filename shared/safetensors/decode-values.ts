import type { Dtype } from "./types.ts";
import { dtypeByteSize } from "./dtype-byte-size.ts";
import { E4M3_VALUES, E5M2_VALUES, F16_VALUES, wideIntegerToFloat32 } from "./scalar-to-float.ts";

const LITTLE_ENDIAN_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Decodes the little-endian values in `bytes` into `out` as float32, exactly as torch's `.float()`:
 * floats widen exactly (F64 rounds to nearest float32), integers round to the nearest float32.
 * `bytes` must hold whole values; returns how many were written.
 */
export function decodeValues(dtype: Dtype, bytes: Uint8Array, out: Float32Array): number {
  const size = dtypeByteSize(dtype);
  if (bytes.byteLength % size !== 0) throw new RangeError(`${bytes.byteLength} bytes do not hold whole ${dtype} values`);
  const count = bytes.byteLength / size;
  if (out.length < count) throw new RangeError(`output holds ${out.length} values, ${count} needed`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case "F32":
      // the stored bytes are the values: a copy, where the host is little-endian as the file is
      if (LITTLE_ENDIAN_HOST) new Uint8Array(out.buffer, out.byteOffset, bytes.byteLength).set(bytes);
      else for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, true);
      break;
    case "F64":
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, true);
      break;
    case "BF16": {
      // bfloat16 is the upper half of a float32's bits
      const bits = new Uint32Array(out.buffer, out.byteOffset, count);
      if (LITTLE_ENDIAN_HOST && bytes.byteOffset % 2 === 0) {
        const halves = new Uint16Array(bytes.buffer, bytes.byteOffset, count);
        for (let i = 0; i < count; i++) bits[i] = halves[i] << 16;
      } else {
        for (let i = 0; i < count; i++) bits[i] = (bytes[2 * i] | (bytes[2 * i + 1] << 8)) << 16;
      }
      break;
    }
    case "F16":
      for (let i = 0; i < count; i++) out[i] = F16_VALUES[bytes[2 * i] | (bytes[2 * i + 1] << 8)];
      break;
    case "F8_E4M3":
      for (let i = 0; i < count; i++) out[i] = E4M3_VALUES[bytes[i]];
      break;
    case "F8_E5M2":
      for (let i = 0; i < count; i++) out[i] = E5M2_VALUES[bytes[i]];
      break;
    case "I64":
      for (let i = 0; i < count; i++) out[i] = wideIntegerToFloat32(view.getInt32(8 * i + 4, true), view.getUint32(8 * i, true));
      break;
    case "U64":
      for (let i = 0; i < count; i++) out[i] = wideIntegerToFloat32(view.getUint32(8 * i + 4, true), view.getUint32(8 * i, true));
      break;
    case "I32":
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, true);
      break;
    case "U32":
      for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, true);
      break;
    case "I16":
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, true);
      break;
    case "U16":
      for (let i = 0; i < count; i++) out[i] = view.getUint16(2 * i, true);
      break;
    case "I8":
      for (let i = 0; i < count; i++) out[i] = (bytes[i] << 24) >> 24;
      break;
    case "U8":
      for (let i = 0; i < count; i++) out[i] = bytes[i];
      break;
    case "BOOL":
      for (let i = 0; i < count; i++) out[i] = bytes[i] === 0 ? 0 : 1;
      break;
  }
  return count;
}
