const UNITS: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
];

/** Three significant digits: 124, 25.6, 6.74. */
const threeDigits = (scaled: number) => (scaled >= 100 ? scaled.toFixed(0) : scaled >= 10 ? scaled.toFixed(1) : scaled.toFixed(2));

/**
 * A parameter count the way model cards write it, the one rule for the CLI and the site: 124M,
 * 6.74B, 3.20K, 999; "—" for a count that is not a finite number. A count that rounds up to the
 * next unit takes it (999,999 is 1.00M, not 1000K).
 */
export function formatParameters(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count)) return "—";
  for (const [i, [size, unit]] of UNITS.entries()) {
    if (count < size) continue;
    const shown = threeDigits(count / size);
    if (Number(shown) >= 1000 && i > 0) return `${threeDigits(count / UNITS[i - 1][0])}${UNITS[i - 1][1]}`;
    return `${shown}${unit}`;
  }
  return String(count);
}
