/** Display width: combining marks (the hat of α̂) take no column of their own. */
const displayWidth = (text: string) => text.replace(/\p{M}/gu, "").length;
const pad = (text: string, width: number, right: boolean) => {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

/** Lays out rows as aligned columns; numbers right-aligned, text left-aligned. */
export function renderTable(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
  const line = (cells: string[]) =>
    cells.map((cell, c) => pad(cell, widths[c], rightAligned[c])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
