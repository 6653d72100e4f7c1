import type { Num } from "../../../shared/report/schema.ts";

/**
 * A metric for people: "—" where the value was not finite (null in the report), integers as
 * they are, very large or very small values in exponent form, the rest with `digits` decimals.
 */
export function formatMetric(value: Num | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value);
  const size = Math.abs(value);
  if (size >= 1e6 || (size > 0 && size < 10 ** -digits)) return value.toExponential(2).replace("e+", "e");
  return value.toFixed(digits);
}
