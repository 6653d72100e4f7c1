const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
};

/** A tick label on a log10 axis: 10ᵏ for whole decades, else the value itself (10^v, 2 digits). */
export function formatPowerOfTen(log10Value: number): string {
  if (Number.isInteger(log10Value)) return `10${[...String(log10Value)].map((c) => SUPERSCRIPT[c]).join("")}`;
  return Number((10 ** log10Value).toPrecision(2)).toString();
}
