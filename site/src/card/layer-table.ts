import { type AnalysedLayer, LAYER_COLUMNS as DESCRIPTION, type ColumnSpec } from "#shared/report";
import { compareLayerNames } from "../lib/compare-layer-names.ts";
import { formatMetric, alphaVerdict } from "#shared/format";
import { siteLayerColumns } from "../lib/layer-columns.ts";
import { layerRole } from "../lib/layer-role.ts";
import { exact, html, type Html } from "./html.ts";
import { sortButton } from "./sort-button.ts";

const ALPHA_CLASS = { "well-trained": "num-good", "over-trained": "num-over", "under-trained": "num-under", spurious: "num-under", "fit-failed": "num-bad" } as const;

const cellValue = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v === null || v === undefined ? "" : String(v));

/**
 * Every analysed layer in depth order with every column of the reference's output; each cell
 * keeps its exact value in `data-value`, which sorting reads. The columns after name, role, shape and
 * dtype are the report's column description's (`description`, the real one by default).
 */
export function layerTable(layers: readonly AnalysedLayer[], randomized: boolean, spectraPath: string, description: readonly ColumnSpec[] = DESCRIPTION): Html {
  const ordered = [...layers].sort((a, b) => compareLayerNames(a.name, b.name));
  const { always, randomization } = siteLayerColumns(description);
  const columns = [...always, ...(randomized ? randomization : [])];
  const head = html`<tr><th scope="col" data-type="num" aria-sort="ascending">${sortButton("#", "position in depth order")}</th><th scope="col" class="text sticky-col" data-type="text">${sortButton(
    "name",
  )}</th><th scope="col" class="text" data-type="text">${sortButton("role", "what the layer does, guessed from its name")}</th><th scope="col" class="text" data-type="text">${sortButton(
    "shape",
  )}</th><th scope="col" class="text" data-type="text">${sortButton("dtype")}</th>${columns.map(
    (c) => html`<th scope="col"${c.kind === "text" && html` class="text"`} data-type="${c.kind === "text" ? "text" : "num"}">${sortButton(c.key, c.title)}</th>`,
  )}</tr>`;
  const rows = ordered.map((layer, depth) => {
    const role = layerRole(layer.name, layer.layer_type);
    const shape = layer.shape.join("×");
    return html`<tr data-layer="${exact(layer.name)}"><td data-value="${depth}">${depth + 1}</td><td class="text sticky-col name layer-name" data-value="${exact(layer.name)}"><a href="${spectraPath}#layer-${
      layer.layer_id
    }">${layer.name}</a></td><td class="text" data-value="${role}">${role}</td><td class="text mono" data-value="${shape}">${shape}</td><td class="text" data-value="${exact(layer.dtype)}">${layer.dtype}</td>${columns.map((c) => {
      const v = (layer as unknown as Record<string, unknown>)[c.key];
      const tone = c.kind === "text" ? "text" : c.key === "alpha" ? ALPHA_CLASS[alphaVerdict(v as number | null).verdict] : null;
      const shown = c.kind === "text" ? String(v ?? "") : c.kind === "int" ? formatMetric(v as number) : formatMetric(v as number | null, 4);
      return html`<td${tone && html` class="${tone}"`} data-column="${c.key}" data-value="${exact(cellValue(v))}">${shown}</td>`;
    })}</tr>`;
  });
  return html`<p class="muted small">${ordered.length} analysed layers in depth order; click a header to sort. Column names are the reference tool's; hover a header for its meaning.</p><div class="table-wrap" style="max-height: 70vh"><table class="data" data-sortable><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}
