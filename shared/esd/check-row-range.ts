import { EsdError } from "./esd-error.ts";

/** Throws invalid_option unless rows [rowStart, rowStart + rowCount) are whole rows inside the layer's `rows`: the one check every row-range reader makes. */
export function checkRowRange(rowStart: number, rowCount: number, rows: number): void {
  if (!Number.isSafeInteger(rowStart) || !Number.isSafeInteger(rowCount) || rowStart < 0 || rowCount < 0 || rowStart + rowCount > rows) {
    throw new EsdError("invalid_option", `row range ${rowStart}..${rowStart + rowCount} is outside the layer's ${rows} rows`);
  }
}
