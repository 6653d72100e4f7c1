import type { GramLayout } from "./gram-layout.ts";
import { EsdError } from "./esd-error.ts";

export const DEFAULT_PANEL_BYTES = 16 << 20;

/** Rows per panel so that one panel of float64 values (rows × cols × rf × 8 bytes) fits in panelBytes; at least one row. */
export function panelRows(layout: GramLayout, panelBytes: number = DEFAULT_PANEL_BYTES): number {
  if (!Number.isSafeInteger(panelBytes) || panelBytes < 1) throw new EsdError("invalid_option", `panelBytes must be a positive integer, got ${panelBytes}`);
  return Math.min(layout.rows, Math.max(1, Math.floor(panelBytes / (layout.rowLength * 8))));
}
