import { expect } from "vitest";
import { parseCsv } from "#shared/csv";

/** Columns that are counts: compared exactly. */
const COUNTS = new Set(["M", "N", "rf", "num_evals", "rank_loss", "weak_rank_loss", "matrix_rank", "num_pl_spikes", "num_spikes", "layer_id"]);
/** Columns that are not numbers, or not a layer's field (has_esd, longname, peft: the CSV's own). */
const TEXT = new Set(["name", "longname", "layer_type", "has_esd", "status", "warning", "peft"]);
const EPSILON = 2.220446049250313e-16;

export function readReferenceCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(text).map((r) => r.fields);
  return rows.map((fields) => Object.fromEntries(fields.map((v, i) => [head[i], v])));
}

/**
 * Every column of one row of the reference's details CSV against our layer: counts exactly,
 * numbers to `tolerance` relative (0 to `tolerance` absolute), the text columns equal.
 * `layerIdOffset` is what the reference adds to layer_id (1 for a state dict it was handed).
 */
export function expectReferenceRow(row: Record<string, string>, layer: object, options: { tolerance?: number; layerIdOffset?: number } = {}): void {
  const tolerance = options.tolerance ?? 1e-6;
  const ours = layer as Record<string, unknown>;
  const name = row.name;
  for (const [column, text] of Object.entries(row)) {
    if (TEXT.has(column)) continue;
    const want = Number(text) - (column === "layer_id" ? (options.layerIdOffset ?? 0) : 0);
    const got = ours[column];
    expect(typeof got, `${name}.${column}`).toBe("number");
    if (COUNTS.has(column)) {
      expect(got, `${name}.${column}`).toBe(want);
    } else if (column === "sv_min" && Number(row.rank_loss) > 0) {
      // the reference's value is rounding noise of an exactly rank-deficient matrix (e.g. 7e-34)
      expect(got as number, `${name}.sv_min`).toBeLessThanOrEqual(Number(row.N) * EPSILON * Number(row.sv_max));
    } else {
      // bulk_min is exactly 0 when Q = 1
      const error = want === 0 ? Math.abs(got as number) : Math.abs((got as number) - want) / Math.abs(want);
      expect(error, `${name}.${column}: ${got} vs ${want}`).toBeLessThanOrEqual(tolerance);
    }
  }
  expect(ours.layer_type, `${name}.layer_type`).toBe(row.layer_type);
  expect(ours.status, `${name}.status`).toBe(row.status);
  expect(ours.warning, `${name}.warning`).toBe(row.warning);
}
