// Advance widths of Verdana at 11 px for printable ASCII (32…126), the font shields.io badges use.
const ASCII_WIDTHS = [
  3.87, 4.33, 5.05, 9.0, 7.0, 11.84, 7.99, 2.95, 4.99, 4.99, 7.0, 9.0, 4.0, 4.99, 4.0, 4.99,
  7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 4.99, 4.99, 9.0, 9.0, 9.0, 6.0,
  11.0, 7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27, 4.61, 4.99, 7.62, 6.12, 9.27, 8.23, 8.66,
  6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.88, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.0, 7.0,
  7.0, 6.61, 6.88, 5.73, 6.88, 6.55, 3.87, 6.88, 6.96, 3.02, 3.79, 6.51, 3.02, 10.71, 6.96, 6.68,
  6.88, 6.88, 4.69, 5.73, 4.33, 6.96, 6.51, 9.0, 6.51, 6.51, 5.78, 6.98, 4.99, 6.98, 9.0,
];
// beyond ASCII (Greek α, accented letters, CJK) a generous width keeps text inside its box
const OTHER_WIDTH = 8.5;

/** Approximate rendered width in px of `text` in 11 px Verdana, to size a badge's boxes. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : OTHER_WIDTH;
  }
  return width;
}
