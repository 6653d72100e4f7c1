import { parseCsv } from "../csv/parse-csv.ts";
import { HeavytailError } from "../errors/heavytail-error.ts";

/** One model of a series: its reported accuracy and its model-level metrics. */
export interface TrendRow {
  series: string;
  model: string;
  accuracy: number;
  metrics: Record<string, number>;
}

/** A trends table that does not follow its format: says where, so a person can fix the file. */
export class TrendsCsvError extends HeavytailError {
  declare readonly code: "trends_csv";
  constructor(message: string) {
    super("trends_csv", 422, message);
    this.name = "TrendsCsvError";
  }
}

/**
 * Reads a trends table (CSV, RFC 4180): columns `series`, `model`, then `accuracy` or `top1_error`
 * (accuracy is taken as 100 − error, as the paper's Table 1 does), then any number of metric
 * columns.
 */
export function parseTrendsCsv(text: string, file = "trends csv"): TrendRow[] {
  let records;
  try {
    records = parseCsv(text).map((r) => ({ line: r.line, cells: r.fields.map((c) => c.trim()) }));
  } catch (error) {
    throw new TrendsCsvError(`${file}: ${(error as Error).message}`);
  }
  if (records.length < 2) throw new TrendsCsvError(`${file}: needs a header and at least one row`);
  const header = records[0].cells;
  const col = (name: string) => header.indexOf(name);
  const [series, model, acc, err] = [col("series"), col("model"), col("accuracy"), col("top1_error")];
  if (series < 0 || model < 0) throw new TrendsCsvError(`${file}: the header needs 'series' and 'model' columns`);
  if (acc < 0 && err < 0) throw new TrendsCsvError(`${file}: the header needs an 'accuracy' or a 'top1_error' column`);
  const metricColumns = header
    .map((name, i) => ({ name, i }))
    .filter(({ i }) => i !== series && i !== model && i !== acc && i !== err);
  if (metricColumns.length === 0) throw new TrendsCsvError(`${file}: no metric columns`);
  return records.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.length) {
      throw new TrendsCsvError(`${file}: line ${line} has ${cells.length} fields, the header has ${header.length}`);
    }
    const number = (i: number, what: string) => {
      const v = Number(cells[i]);
      if (cells[i] === "" || !Number.isFinite(v)) {
        throw new TrendsCsvError(`${file}: line ${line}: ${what} '${cells[i]}' is not a number`);
      }
      return v;
    };
    const metrics: Record<string, number> = {};
    for (const { name, i } of metricColumns) metrics[name] = number(i, name);
    return {
      series: cells[series],
      model: cells[model],
      accuracy: acc >= 0 ? number(acc, "accuracy") : 100 - number(err, "top1_error"),
      metrics,
    };
  });
}
