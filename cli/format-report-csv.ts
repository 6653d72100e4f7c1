import { LAYER_COLUMNS, columnInReport, csvName, type ColumnSpec, type AnalysedLayer, type Report } from "#shared/report";

/** A column of the reference's CSV that the report does not store: it is made from the layer. */
interface MadeColumn {
  name: string;
  inReport: (report: Report) => boolean;
  cell: (layer: AnalysedLayer) => string;
}

const LORA_LAYER = /\.lora_(BA|W_plus_AB)$/;

const MADE_COLUMNS: readonly MadeColumn[] = [
  { name: "has_esd", inReport: () => true, cell: () => "True" },
  { name: "longname", inReport: () => true, cell: (layer) => csvText(layer.name) },
  // an adapter's report has the reference's peft column: True on its lora_BA and lora_W_plus_AB rows
  { name: "peft", inReport: (report) => report.model.adapter !== undefined, cell: (layer) => (LORA_LAYER.test(layer.name) ? "True" : "False") },
];

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FIRST = ["layer_id", "name"];

/**
 * The per-layer table as CSV with the reference's column names (null → empty cell), in the order
 * weightwatcher writes them: layer_id, name, then every other column sorted by name, as
 * reference.details.csv shows, so the two files diff. The columns are the description's
 * (shared/report/layer-columns.ts) that this report has (randomization, delta …), under the
 * reference's names, and the three the reference writes that the report does not store.
 */
export function formatReportCsv(report: Report, description: readonly ColumnSpec[] = LAYER_COLUMNS): string {
  const columns = new Map<string, (layer: AnalysedLayer) => string>();
  for (const column of description) {
    const name = csvName(column);
    if (name === null || !columnInReport(column, report)) continue;
    columns.set(name, (layer) => csvValue((layer as unknown as Record<string, unknown>)[column.key]));
  }
  for (const made of MADE_COLUMNS) if (made.inReport(report)) columns.set(made.name, made.cell);
  const names = [...FIRST.filter((n) => columns.has(n)), ...[...columns.keys()].filter((n) => !FIRST.includes(n)).sort(byCodePoint)];
  const cells = names.map((n) => columns.get(n)!);
  return [names.join(","), ...report.layers.map((layer) => cells.map((cell) => cell(layer)).join(","))].join("\n") + "\n";
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  // as pandas writes a bool column
  if (typeof value === "boolean") return value ? "True" : "False";
  return csvText(String(value));
}

function csvText(text: string): string {
  // a leading = + - @ would be run as a formula by spreadsheets
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
