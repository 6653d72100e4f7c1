/**
 * Builds safetensors files in memory for tests: synthetic models (single-file or sharded, with
 * `encodeSafetensorsIndex`) and, through `encodeSafetensorsRaw`, deliberately broken ones.
 */
import { type Dtype, dtypeByteSize } from "#shared/safetensors";

export interface TensorSpec {
  name: string;
  dtype: Dtype;
  shape: number[];
  /** raw little-endian bytes, or values (F32, F64, F16 and BF16 only; rounded to nearest even) */
  data: Uint8Array | Float32Array;
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** float → binary16 bits, round to nearest even (overflow to ±Inf). */
export function floatToHalfBits(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24);
  let exponent = Math.floor(Math.log2(a));
  if (2 ** exponent > a) exponent--;
  if (2 ** (exponent + 1) <= a) exponent++;
  let mantissa = roundHalfEven((a / 2 ** exponent - 1) * 1024);
  if (mantissa === 1024) {
    mantissa = 0;
    exponent++;
  }
  return sign | ((exponent + 15) << 10) | mantissa;
}

/** float32 → bfloat16 bits, round to nearest even. */
export function floatToBfloat16Bits(value: number): number {
  if (Number.isNaN(value)) return 0x7fc0;
  const bits = new Uint32Array(new Float32Array([value]).buffer)[0];
  return (bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16;
}

function encodeValues(spec: TensorSpec, values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * dtypeByteSize(spec.dtype));
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    if (spec.dtype === "F32") view.setFloat32(4 * i, v, true);
    else if (spec.dtype === "F64") view.setFloat64(8 * i, v, true);
    else if (spec.dtype === "F16") view.setUint16(2 * i, floatToHalfBits(v), true);
    else if (spec.dtype === "BF16") view.setUint16(2 * i, floatToBfloat16Bits(v), true);
    else throw new Error(`${spec.name}: give ${spec.dtype} data as raw bytes`);
  });
  return bytes;
}

/** A safetensors file from a raw header (object or exact JSON text) and data bytes; `headerLength` overrides the 8-byte prefix. */
export function encodeSafetensorsRaw(header: unknown, data: Uint8Array, options: { headerLength?: bigint } = {}): Uint8Array {
  let json = typeof header === "string" ? header : JSON.stringify(header);
  // pad with spaces to 8-byte alignment, as the reference writer does
  while ((8 + new TextEncoder().encode(json).byteLength) % 8 !== 0) json += " ";
  const headerBytes = new TextEncoder().encode(json);
  const file = new Uint8Array(8 + headerBytes.byteLength + data.byteLength);
  new DataView(file.buffer).setBigUint64(0, options.headerLength ?? BigInt(headerBytes.byteLength), true);
  file.set(headerBytes, 8);
  file.set(data, 8 + headerBytes.byteLength);
  return file;
}

/** A valid safetensors file holding `tensors` in the given order, with optional `__metadata__`. */
export function encodeSafetensors(tensors: TensorSpec[], metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const spec of tensors) {
    const bytes = spec.data instanceof Float32Array ? encodeValues(spec, spec.data) : spec.data;
    const expected = spec.shape.reduce((p, d) => p * d, 1) * dtypeByteSize(spec.dtype);
    if (bytes.byteLength !== expected) throw new Error(`${spec.name}: ${bytes.byteLength} bytes for shape [${spec.shape}] of ${spec.dtype}, expected ${expected}`);
    Object.defineProperty(header, spec.name, {
      value: { dtype: spec.dtype, shape: spec.shape, data_offsets: [offset, offset + bytes.byteLength] },
      enumerable: true,
    });
    chunks.push(bytes);
    offset += bytes.byteLength;
  }
  const data = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    data.set(chunk, at);
    at += chunk.byteLength;
  }
  return encodeSafetensorsRaw(header, data);
}

/** `model.safetensors.index.json` text for a sharded model, `weight_map` in the given order. */
export function encodeSafetensorsIndex(weightMap: [string, string][], totalSize = 0): string {
  const map: Record<string, string> = {};
  for (const [name, file] of weightMap) Object.defineProperty(map, name, { value: file, enumerable: true });
  return JSON.stringify({ metadata: { total_size: totalSize }, weight_map: map }, null, 2);
}
