/**
 * A metric for people, the one rule every front end prints with (CLI table, site, badge):
 * "—" where there is no finite value (null in the report, NaN, ±∞), integers as they are (below
 * 1e9), exponent form with two decimals and no "+" (`1.23e6`, `1.23e-4`) for |v| ≥ 1e6 or
 * 0 < |v| < 10^−digits, and the rest with `digits` decimals. Machine output (CSV, JSON) keeps full
 * precision and never comes through here.
 */
export function formatMetric(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const size = Math.abs(value);
  if (Number.isInteger(value) && size < 1e9) return String(value);
  if (size >= 1e6 || (size > 0 && size < 10 ** -digits)) return value.toExponential(2).replace("e+", "e");
  return value.toFixed(digits);
}

/** A difference for people: its sign always shown (+, the minus sign −, ± for none) before the magnitude as formatMetric prints it; "—" where there is none. */
export function formatDelta(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatMetric(Math.abs(value), digits)}`;
}
