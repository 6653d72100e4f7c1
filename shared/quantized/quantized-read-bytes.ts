import type { TensorInfo } from "../safetensors/types.ts";
import { HELD_PACKED_BYTES } from "./quantized-row-readers.ts";

const partBytes = (p: { begin: number; end: number }) => p.end - p.begin;

/**
 * What reading rows r0 … r1−1 of a quantized weight costs (the service's cost and memory model):
 * `streamed`, the stored bytes fetched, and `held`, the bytes of packed values a reader holds at
 * once besides the float32 values it yields. GPTQ and AWQ store the matrix transposed (packed along
 * the input dimension), so each pass of at most HELD_PACKED_BYTES of packed words streams the
 * packed tensors from the first wanted row to the last: about all of them, whatever the row range.
 * FP8 and MXFP4 are stored row by row: a row range streams its share. Null for other tensors.
 */
export function quantizedReadBytes(tensor: TensorInfo, r0: number, r1: number): { streamed: number; held: number } | null {
  const q = tensor.quantized;
  if (!q) return null;
  const rows = Math.max(0, r1 - r0);
  const out = tensor.shape[0] || 1;
  switch (q.scheme) {
    case "gptq":
    case "awq": {
      const packed = partBytes(q.qweight);
      const perRow = packed / out;
      const batch = q.scheme === "gptq" ? Math.max(1, Math.floor(HELD_PACKED_BYTES / (q.qweight.shape[0] * 4))) : 8 * Math.max(1, Math.floor(HELD_PACKED_BYTES / (tensor.shape[1] * 4)));
      const passes = Math.ceil(rows / batch);
      const side = partBytes(q.qzeros) + partBytes(q.scales);
      const streamed = passes * (packed + side) + (q.scheme === "gptq" && q.gIdx ? partBytes(q.gIdx) : 0);
      const held = Math.ceil(Math.min(rows, batch) * perRow + (side * Math.min(rows, batch)) / out);
      return { streamed, held };
    }
    case "fp8-block":
      return { streamed: (partBytes(q.weight) * rows) / out + partBytes(q.scale), held: partBytes(q.scale) };
    case "mxfp4":
      return { streamed: ((partBytes(q.blocks) + partBytes(q.scales)) * rows) / out, held: (partBytes(q.scales) * rows) / out };
  }
}
