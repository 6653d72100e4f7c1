import type { ValueReader } from "./types.ts";
import type { GramLayout } from "./gram-layout.ts";
import { exactValues } from "./exact-values.ts";
import { checkRowRange } from "./check-row-range.ts";

/**
 * Reads rows [rowStart, rowStart + rowCount) of every slice in one reader call, scaled in float32
 * and widened: slice s comes back as a rowCount × cols row-major array. `into` reuses buffers.
 */
export async function readPanel(
  layout: GramLayout,
  read: ValueReader,
  rowStart: number,
  rowCount: number,
  into?: Float64Array[],
): Promise<Float64Array[]> {
  const { cols, rf, rowLength, scale, rows } = layout;
  checkRowRange(rowStart, rowCount, rows);
  const size = rowCount * cols;
  const panel = into && into.length === rf && into.every((b) => b.length >= size) ? into : Array.from({ length: rf }, () => new Float64Array(size));
  const expected = rowCount * rowLength;
  let row = 0;
  let column = 0;
  let slice = 0;
  for await (const chunk of exactValues(read, rowStart * rowLength, expected)) {
    for (let k = 0; k < chunk.length; k++) {
      panel[slice][row * cols + column] = scale === 1 ? chunk[k] : Math.fround(chunk[k] * scale);
      if (++slice === rf) {
        slice = 0;
        if (++column === cols) {
          column = 0;
          row++;
        }
      }
    }
  }
  return panel;
}
