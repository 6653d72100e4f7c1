import type { Report } from "#shared/report";
import { compareLayerNames } from "../lib/compare-layer-names.ts";
import { formatMetric, alphaVerdict } from "#shared/format";
import type { CardContext } from "./card-context.ts";
import { esdPlot } from "./esd-plot.ts";
import { html, type Html } from "./html.ts";

/** Every layer's spectrum in depth order, each in a panel the layer table links to (`#layer-{id}`). */
export function spectraGrid(report: Report): Html {
  const ordered = [...report.layers].sort((a, b) => compareLayerNames(a.name, b.name));
  return html`<div class="spectra-grid">${ordered.map((layer) => {
    const reading = alphaVerdict(layer.alpha);
    return html`<section class="panel" id="layer-${layer.layer_id}"><h3>${layer.name}</h3><p class="small muted"><span class="chip ${reading.verdict}">α ${formatMetric(layer.alpha, 2)}</span> D ${formatMetric(
      layer.D,
      3,
    )} · xmin ${formatMetric(layer.xmin, 3)} · λmax ${formatMetric(layer.lambda_max, 3)} · ${layer.num_evals} eigenvalues · ${layer.shape.join("×")}${
      (layer.rand_num_spikes ?? 0) > 0 && html` · <strong>${layer.rand_num_spikes} randomized spikes</strong>`
    }</p>${esdPlot(`esd-${layer.layer_id}`, layer)}</section>`;
  })}</div>`;
}

/** How to read the plots, for the spectra page and the local analysis. */
export function spectraLede(report: Report): Html {
  return html`<p class="lede">${report.layers.length} layers in depth order. Bars: the empirical spectral density of WᵀW on log–log axes. Red line: the power law fitted to the tail, from xmin (dashed red). Green dotted line: the edge of the Marchenko–Pastur bulk, what a random matrix of the same shape would reach.${
    report.method.randomize && " Grey dashed outline: the same weights shuffled at random; spikes there (correlation traps) mean a few large entries dominate the layer."
  }</p>`;
}

/** A report's spectra page. */
export function renderSpectraPage(report: Report, ctx: CardContext): string {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Leaderboard</a> / <a href="${ctx.links.base}">${report.model.id}</a></nav><h1 class="model-title">Spectra of ${
    report.model.id
  }</h1>${spectraLede(report)}${spectraGrid(report)}`.markup;
}
