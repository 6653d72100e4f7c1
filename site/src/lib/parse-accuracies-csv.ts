import type { AccuracyRow } from "./catalog-types.ts";
import { parseCsv } from "#shared/csv";
import { HeavytailError } from "#shared/errors";

/** The curated accuracies table does not follow its format: says where, so the file can be fixed. */
export class AccuraciesCsvError extends HeavytailError {
  declare readonly code: "accuracies_csv";
  constructor(message: string) {
    super("accuracies_csv", 422, message);
    this.name = "AccuraciesCsvError";
  }
}

/**
 * Reads the curated accuracies table (CSV, RFC 4180; `#` lines are comments): a header
 * `model,series,accuracy,source`, then one model per line. `source` is the last column and may
 * itself contain commas, quoted or not (a citation).
 */
export function parseAccuraciesCsv(text: string, file = "accuracies.csv"): AccuracyRow[] {
  let records;
  try {
    const uncommented = text.split(/\r?\n/).map((l) => (l.trimStart().startsWith("#") ? "" : l)).join("\n");
    records = parseCsv(uncommented).map((r) => ({ line: r.line, cells: r.fields.map((c) => c.trim()) }));
  } catch (error) {
    throw new AccuraciesCsvError(`${file}: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new AccuraciesCsvError(`${file}: empty, expected the header model,series,accuracy,source`);
  const header = records[0].cells.join(",");
  if (header !== "model,series,accuracy,source") {
    throw new AccuraciesCsvError(`${file}: the header must be model,series,accuracy,source, found '${header}'`);
  }
  const seen = new Set<string>();
  return records.slice(1).map(({ line, cells }) => {
    const [model, series, accuracy, ...source] = cells;
    const where = `${file}: line ${line}`;
    if (!model || !series || source.length === 0) throw new AccuraciesCsvError(`${where}: expected 4 fields`);
    const value = Number(accuracy);
    if (accuracy === "" || !Number.isFinite(value) || value < 0 || value > 100) {
      throw new AccuraciesCsvError(`${where}: accuracy '${accuracy}' is not a percentage`);
    }
    if (seen.has(model)) throw new AccuraciesCsvError(`${where}: ${model} is listed twice`);
    seen.add(model);
    return { model, series, accuracy: value, source: source.join(", ") };
  });
}
