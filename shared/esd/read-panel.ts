import type { ValueReader } from "./types.ts";
import type { GramLayout } from "./gram-layout.ts";
import { exactValues } from "./exact-values.ts";
import { checkRowRange } from "./check-row-range.ts";
import { splitSlices } from "./split-slices.ts";

/**
 * Reads rows [rowStart, rowStart + rowCount) of every slice in one reader call, de-interleaved and
 * scaled in float32: slice s comes back as a rowCount × cols row-major array of float64 values.
 * `into` reuses buffers (each at least rowCount × cols long).
 */
export function readPanel(layout: GramLayout, read: ValueReader, rowStart: number, rowCount: number, into?: Float64Array[]): Promise<Float64Array[]> {
  return fillPanel(layout, read, rowStart, rowCount, into, (size) => new Float64Array(size));
}

/** readPanel with float32 slices: what the WASM kernels take, at half the memory and no conversion */
export function readPanelFloat32(layout: GramLayout, read: ValueReader, rowStart: number, rowCount: number, into?: Float32Array[]): Promise<Float32Array[]> {
  return fillPanel(layout, read, rowStart, rowCount, into, (size) => new Float32Array(size));
}

async function fillPanel<T extends Float32Array | Float64Array>(
  layout: GramLayout,
  read: ValueReader,
  rowStart: number,
  rowCount: number,
  into: T[] | undefined,
  allocate: (size: number) => T,
): Promise<T[]> {
  const { cols, rf, rowLength, scale, rows } = layout;
  checkRowRange(rowStart, rowCount, rows);
  const size = rowCount * cols;
  const panel = into && into.length === rf && into.every((b) => b.length >= size) ? into : Array.from({ length: rf }, () => allocate(size));
  const at = new Array<number>(rf).fill(0);
  let delivered = 0;
  for await (const chunk of exactValues(read, rowStart * rowLength, rowCount * rowLength)) {
    splitSlices(chunk, 0, chunk.length, delivered % rf, scale, panel, at);
    delivered += chunk.length;
  }
  return panel;
}
