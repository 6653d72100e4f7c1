import type { Num } from "../../shared/report/schema.ts";

/** A metric for people: four significant digits, "—" when it has no value. */
export function formatNumber(value: Num | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(4)).toString();
}
