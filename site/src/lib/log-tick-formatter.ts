import { formatPowerOfTen } from "./format-power-of-ten.ts";

/**
 * Labels for the ticks `logTicks(lo, hi)` gives: powers of ten (10⁻³) on wide ranges, plain
 * round values (0.2, 5, 20) within a decade or two, so one axis never mixes the two styles.
 */
export function logTickFormatter(lo: number, hi: number): (log10Value: number) => string {
  if (hi - lo >= 2) return formatPowerOfTen;
  return (v) => {
    const value = Number((10 ** v).toPrecision(2));
    return value >= 1e4 || value < 1e-3 ? value.toExponential(0).replace("e+", "e") : String(value);
  };
}
