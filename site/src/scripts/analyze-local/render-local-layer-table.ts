import type { Report } from "../../../../shared/report/schema.ts";
import { compareLayerNames } from "../../lib/compare-layer-names.ts";
import { formatMetric } from "../../lib/format-metric.ts";
import { LAYER_COLUMNS, RANDOMIZATION_COLUMNS } from "../../lib/layer-columns.ts";
import { readAlpha } from "../../lib/read-alpha.ts";
import { revealInvisible } from "../../lib/reveal-invisible.ts";
import { enableSorting } from "../sort-table.ts";
import { element } from "./element.ts";

const ALPHA_CLASS = { "well-trained": "num-good", "over-trained": "num-over", "under-trained": "num-under", spurious: "num-under", "fit-failed": "num-bad" } as const;

/**
 * Every analysed layer of a report made in the browser, in depth order, every column of the
 * report card's table with its exact value in `data-value` (sorting reads it), sortable.
 */
export function renderLocalLayerTable(report: Report): HTMLElement {
  const columns = [...LAYER_COLUMNS, ...(report.method.randomize ? RANDOMIZATION_COLUMNS : [])];
  const ordered = [...report.layers].sort((a, b) => compareLayerNames(a.name, b.name));
  const header = (label: string, type: "num" | "text", title?: string, extra: Record<string, string> = {}) =>
    element("th", { scope: "col", class: type === "text" ? "text" : undefined, "data-type": type, ...extra }, element("button", { type: "button", class: "sort", title }, label));
  const table = element(
    "table",
    { class: "data", "data-local-layers": "" },
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        header("#", "num", "position in depth order", { "aria-sort": "ascending" }),
        header("name", "text"),
        header("shape", "text"),
        header("dtype", "text"),
        ...columns.map((c) => header(c.key, c.kind === "text" ? "text" : "num", c.title)),
      ),
    ),
    element(
      "tbody",
      {},
      ...ordered.map((layer, depth) =>
        element(
          "tr",
          { "data-layer": layer.name },
          element("td", { "data-value": String(depth) }, String(depth + 1)),
          element("td", { class: "text name", "data-value": layer.name }, revealInvisible(layer.name)),
          element("td", { class: "text mono", "data-value": layer.shape.join("×") }, layer.shape.join("×")),
          element("td", { class: "text", "data-value": layer.dtype }, layer.dtype),
          ...columns.map((c) => {
            const v = layer[c.key];
            const value = typeof v === "number" && Number.isFinite(v) ? String(v) : v === null || v === undefined ? "" : String(v);
            const shown = c.kind === "text" ? String(v ?? "") : c.kind === "int" ? formatMetric(v as number) : formatMetric(v as number | null, 4);
            const tone = c.key === "alpha" ? ALPHA_CLASS[readAlpha(v as number | null).verdict] : undefined;
            return element("td", { class: c.kind === "text" ? "text" : tone, "data-column": c.key, "data-value": value }, shown);
          }),
        ),
      ),
    ),
  );
  enableSorting(table);
  return element("div", { class: "table-wrap", style: "max-height: 70vh" }, table);
}
