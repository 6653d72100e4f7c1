import type { ByteSource, QuantizedLayout, QuantizedPart, TensorInfo } from "../safetensors/types.ts";
import { decodeValues } from "../safetensors/decode-values.ts";
import { dtypeByteSize } from "../safetensors/dtype-byte-size.ts";
import { isDtype } from "../safetensors/is-dtype.ts";
import { E4M3_VALUES, E5M2_VALUES } from "../safetensors/scalar-to-float.ts";
import { gatherColumnWindow } from "./gather-column-window.ts";
import { dequantizeGptqRows } from "./dequantize-gptq-rows.ts";
import { dequantizeAwqRows } from "./dequantize-awq-rows.ts";
import { dequantizeFp8Block } from "./dequantize-fp8-block.ts";
import { dequantizeMxfp4 } from "./dequantize-mxfp4.ts";
import { roundToScaleDtype } from "./round-to-scale-dtype.ts";
import { QuantizedError } from "./quantized-error.ts";

/** Packed words a GPTQ/AWQ read holds at once (its rows' share of qweight); more rows take more passes. */
export const HELD_PACKED_BYTES = 16 << 20;
/** Values per chunk yielded. */
const VALUES_PER_YIELD = 1 << 18;

/** Consecutive float32 values of rows r0 … r1−1 of a quantized weight [rows, cols], in chunks of any length. */
export type RowReader = (r0: number, r1: number) => AsyncGenerator<Float32Array>;

function elementSize(part: QuantizedPart): number {
  return isDtype(part.dtype) ? dtypeByteSize(part.dtype) : 1;
}

function words(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getUint32(4 * i, true));
}

function floats(part: QuantizedPart, bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.byteLength / elementSize(part));
  if (!isDtype(part.dtype)) throw new RangeError(`${part.name}: ${part.dtype} is not a float scale type`);
  decodeValues(part.dtype, bytes, out);
  return out;
}

/** Columns c0 … c1−1 of a 2-D part ([rows, cols]), as bytes. */
function window(source: ByteSource, part: QuantizedPart, c0: number, c1: number): Promise<Uint8Array> {
  const [rows, cols] = part.shape.length === 2 ? part.shape : [1, part.shape[0] ?? 1];
  return gatherColumnWindow(source, part.begin, rows, cols, elementSize(part), c0, c1);
}

function gptqRows(source: ByteSource, tensor: TensorInfo, q: Extract<QuantizedLayout, { scheme: "gptq" }>): RowReader {
  const inFeatures = tensor.shape[1];
  const pf = 32 / q.bits;
  const packedRows = q.qweight.shape[0];
  const groups = q.scales.shape[0];
  const round = roundToScaleDtype(q.scales.dtype);
  let groupOf: Promise<Int32Array> | undefined;
  const groupsOf = () =>
    (groupOf ??= (async () => {
      if (!q.gIdx) return Int32Array.from({ length: inFeatures }, (_, i) => Math.floor(i / q.groupSize));
      const bytes = await source.read(q.gIdx.begin, q.gIdx.end - q.gIdx.begin);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const g = Int32Array.from({ length: inFeatures }, (_, i) => view.getInt32(4 * i, true));
      const bad = g.findIndex((v) => v < 0 || v >= groups);
      if (bad >= 0) throw new QuantizedError("invalid_group_index", tensor.file, `g_idx[${bad}] = ${g[bad]} is not a group of its ${groups}`, tensor.name);
      return g;
    })());
  const batch = Math.max(1, Math.floor(HELD_PACKED_BYTES / (packedRows * 4)));
  return async function* (r0, r1) {
    const groupOfInput = await groupsOf();
    for (let b0 = r0; b0 < r1; b0 += batch) {
      const b1 = Math.min(r1, b0 + batch);
      const z0 = Math.floor(b0 / pf);
      const z1 = Math.floor((b1 - 1) / pf) + 1;
      const w = {
        bits: q.bits, zeroOffset: q.zeroOffset, inFeatures, c0: b0, n: b1 - b0, round, groupOf: groupOfInput, zeroCols: z1 - z0,
        qweight: words(await window(source, q.qweight, b0, b1)),
        qzeros: words(await window(source, q.qzeros, z0, z1)),
        scales: floats(q.scales, await window(source, q.scales, b0, b1)),
      };
      const step = Math.max(1, Math.floor(VALUES_PER_YIELD / inFeatures));
      for (let from = b0; from < b1; from += step) yield dequantizeGptqRows(w, from, Math.min(step, b1 - from));
    }
  };
}

function awqRows(source: ByteSource, tensor: TensorInfo, q: Extract<QuantizedLayout, { scheme: "awq" }>): RowReader {
  const inFeatures = tensor.shape[1];
  const round = roundToScaleDtype(q.scales.dtype);
  // whole words of 8 output columns per pass
  const batch = 8 * Math.max(1, Math.floor(HELD_PACKED_BYTES / (inFeatures * 4)));
  return async function* (r0, r1) {
    for (let b0 = r0; b0 < r1; b0 += batch) {
      const b1 = Math.min(r1, b0 + batch);
      const j0 = Math.floor(b0 / 8);
      const j1 = Math.floor((b1 - 1) / 8) + 1;
      const w = {
        inFeatures, groupSize: q.groupSize, c0: b0, n: b1 - b0, round, wordCols: j1 - j0,
        qweight: words(await window(source, q.qweight, j0, j1)),
        qzeros: words(await window(source, q.qzeros, j0, j1)),
        scales: floats(q.scales, await window(source, q.scales, b0, b1)),
      };
      const step = Math.max(1, Math.floor(VALUES_PER_YIELD / inFeatures));
      for (let from = b0; from < b1; from += step) yield dequantizeAwqRows(w, from, Math.min(step, b1 - from));
    }
  };
}

function fp8Rows(source: ByteSource, tensor: TensorInfo, q: Extract<QuantizedLayout, { scheme: "fp8-block" }>): RowReader {
  const cols = tensor.shape[1];
  const values = q.weight.dtype === "F8_E5M2" ? E5M2_VALUES : E4M3_VALUES;
  const scaleCols = q.scale.shape.length === 2 ? q.scale.shape[1] : 1;
  const size = elementSize(q.scale);
  return async function* (r0, r1) {
    const s0 = Math.floor(r0 / q.blockRows);
    const s1 = Math.floor((r1 - 1) / q.blockRows) + 1;
    const scale = floats(q.scale, await source.read(q.scale.begin + s0 * scaleCols * size, (s1 - s0) * scaleCols * size));
    let at = r0 * cols;
    for await (const chunk of source.stream(q.weight.begin + r0 * cols, (r1 - r0) * cols)) {
      const out = new Float32Array(chunk.byteLength);
      dequantizeFp8Block(chunk, at, cols, q.blockRows, q.blockCols, scale, s0, scaleCols, values, out);
      at += chunk.byteLength;
      yield out;
    }
  };
}

function mxfp4Rows(source: ByteSource, tensor: TensorInfo, q: Extract<QuantizedLayout, { scheme: "mxfp4" }>): RowReader {
  const cols = tensor.shape[1];
  // 32 values (16 bytes) per block, one scale byte per block
  const blocksPerRow = cols / 32;
  return async function* (r0, r1) {
    const scales = await source.read(q.scales.begin + r0 * blocksPerRow, (r1 - r0) * blocksPerRow);
    let at = r0 * blocksPerRow * 16;
    for await (const chunk of source.stream(q.blocks.begin + at, (r1 - r0) * blocksPerRow * 16)) {
      const out = new Float32Array(2 * chunk.byteLength);
      dequantizeMxfp4(chunk, at, scales, r0 * blocksPerRow, out);
      at += chunk.byteLength;
      yield out;
    }
  };
}

/** The row reader of a quantized weight's scheme. */
export function quantizedRowReader(source: ByteSource, tensor: TensorInfo, layout: QuantizedLayout): RowReader {
  switch (layout.scheme) {
    case "gptq":
      return gptqRows(source, tensor, layout);
    case "awq":
      return awqRows(source, tensor, layout);
    case "fp8-block":
      return fp8Rows(source, tensor, layout);
    case "mxfp4":
      return mxfp4Rows(source, tensor, layout);
  }
}
