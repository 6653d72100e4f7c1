import { LAYER_COLUMNS as DESCRIPTION, type ColumnSpec as ColumnDescription } from "#shared/report";

export interface ColumnSpec {
  /** the layer's field, the column's header (the reference's name) */
  key: string;
  /** what the column holds, for the header's tooltip */
  title: string;
  kind: "int" | "num" | "text";
}

const spec = (c: ColumnDescription): ColumnSpec => ({ key: c.key, title: c.meaning, kind: c.type === "integer" ? "int" : c.type === "number" ? "num" : "text" });

/**
 * The layer table's columns, read off the report's column description
 * (shared/report/layer-columns.ts), in its order: `always` every column each report has, `randomization`
 * the ones present when the report was made with randomization on (ww_maxdist and rand_W_scale only
 * in reports made since they were added; on layers with M·rf < 100 the MP columns and
 * rand_lambda_max come from 5 shuffles pooled, as the reference's do). Columns the description marks
 * `site: false` (the name, which the table places itself; the delta distances, drawn by the compare
 * page; the component) are left out.
 */
export function siteLayerColumns(description: readonly ColumnDescription[] = DESCRIPTION): { always: ColumnSpec[]; randomization: ColumnSpec[] } {
  const shown = description.filter((c) => c.site !== false);
  return {
    always: shown.filter((c) => c.optional === undefined).map(spec),
    randomization: shown.filter((c) => c.optional === "randomize").map(spec),
  };
}

const columns = siteLayerColumns();

/** Every per-layer column of the report, in the report's order, with what it means. */
export const LAYER_COLUMNS: readonly ColumnSpec[] = columns.always;

/** The randomization columns, present when the report was made with randomization on. */
export const RANDOMIZATION_COLUMNS: readonly ColumnSpec[] = columns.randomization;
