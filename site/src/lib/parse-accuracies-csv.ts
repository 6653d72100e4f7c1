import type { AccuracyRow } from "./catalog-types.ts";
import { HeavytailError } from "../../../shared/errors/index.ts";

/** The curated accuracies table does not follow its format: says where, so the file can be fixed. */
export class AccuraciesCsvError extends HeavytailError {
  declare readonly code: "accuracies_csv";
  constructor(message: string) {
    super("accuracies_csv", 422, message);
    this.name = "AccuraciesCsvError";
  }
}

/**
 * Reads the curated accuracies table: a header `model,series,accuracy,source`, then one model
 * per line. `source` is the last column and may itself contain commas (a citation).
 */
export function parseAccuraciesCsv(text: string, file = "accuracies.csv"): AccuracyRow[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  if (lines.length === 0) throw new AccuraciesCsvError(`${file}: empty, expected the header model,series,accuracy,source`);
  if (lines[0] !== "model,series,accuracy,source") {
    throw new AccuraciesCsvError(`${file}: the header must be model,series,accuracy,source, found '${lines[0]}'`);
  }
  const seen = new Set<string>();
  return lines.slice(1).map((line, i) => {
    const [model, series, accuracy, ...source] = line.split(",").map((c) => c.trim());
    const where = `${file}: line ${i + 2}`;
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
