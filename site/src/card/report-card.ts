import type { AnalysedLayer, Report } from "#shared/report";
import { formatDate } from "../lib/format-date.ts";
import { formatMetric, formatParameters } from "#shared/format";
import { alphaHistogramPlot } from "./alpha-histogram-plot.ts";
import { badgePanel } from "./badge-panel.ts";
import { baseComparisonSlot } from "./base-comparison.ts";
import type { CardContext } from "./card-context.ts";
import { comparePicker } from "./compare-picker.ts";
import { correlationFlow } from "./correlation-flow.ts";
import { esdPlot } from "./esd-plot.ts";
import { exact, html, type Html } from "./html.ts";
import { layerTable } from "./layer-table.ts";
import { provenance } from "./provenance.ts";
import { skippedAndFailed } from "./skipped-failed.ts";
import { summaryPanel } from "./summary-panel.ts";
import { componentsPanel } from "./components-panel.ts";
import { warningsPanel } from "./warnings-panel.ts";

/** A few spectra worth a look on the card itself: the extremes of α, the worst correlation trap, the median. */
export function notableLayers(layers: readonly AnalysedLayer[]): { why: string; layer: AnalysedLayer }[] {
  const fitted = layers.filter((l) => l.alpha !== null && l.alpha > 0).sort((a, b) => (a.alpha as number) - (b.alpha as number));
  const trap = [...layers].sort((a, b) => (b.rand_num_spikes ?? 0) - (a.rand_num_spikes ?? 0)).find((l) => (l.rand_num_spikes ?? 0) > 0);
  const notable: { why: string; layer: AnalysedLayer }[] = [];
  const add = (why: string, layer: AnalysedLayer | undefined) => {
    if (layer && !notable.some((n) => n.layer.layer_id === layer.layer_id)) notable.push({ why, layer });
  };
  add("lowest α", fitted[0]);
  add("highest α", fitted.at(-1));
  add("correlation trap", trap);
  add("median α", fitted[Math.floor(fitted.length / 2)]);
  return notable;
}

function header(report: Report, ctx: CardContext): Html {
  const m = report.model;
  const hubUrl = m.source === "hub" ? `https://huggingface.co/${m.id.split("/").map(encodeURIComponent).join("/")}` : null;
  const isLatest = ctx.latest === null || (ctx.latest.created_at === report.created_at && ctx.latest.sha === m.sha);
  const title = ctx.embedded ? html`<h2 class="model-title">${m.id}</h2>` : html`<h1 class="model-title">${m.id}</h1>`;
  return html`${
    !ctx.embedded &&
    html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Leaderboard</a>${m.family && html` / <a href="/?family=${encodeURIComponent(m.family)}">${m.family}</a>`}</nav>`
  }${title}<div class="meta-line">${m.family && html`<span class="chip neutral">${m.family}</span>`}<span>${formatParameters(m.parameters)} parameters</span>${
    m.revision && html`<span>revision <span class="mono">${m.revision}</span></span>`
  }${m.sha && html`<span>commit <span class="mono" title="${m.sha}">${m.sha.slice(0, 12)}</span></span>`}<span>analysed <time datetime="${report.created_at}">${formatDate(
    report.created_at,
  )}</time></span>${hubUrl && html`<a href="${hubUrl}" rel="noopener">on the Hub</a>`}<a href="${ctx.links.rawJson}">raw JSON</a></div>${
    ctx.notice && html`<p class="callout" data-card-notice>${ctx.notice}</p>`
  }${baseComparisonSlot(report, ctx)}${ctx.pinned && !isLatest && html`<p class="callout warn">This is an earlier analysis of the model. <a href="${ctx.links.card}">The card shows the latest one</a>.</p>`}`;
}

/**
 * A report's card: summary, warnings, correlation flow, α histogram, spectra, the layer table, the
 * layers left out, the badge and provenance. The build renders it into the static pages and the
 * browser renders it for reports the build did not have; the wrapper keeps the report's key and
 * the context, so a script can render it again from a fresher report.
 */
export function renderReportCard(report: Report, ctx: CardContext): string {
  const { links } = ctx;
  const notable = notableLayers(report.layers);
  const none = html`<p class="muted">No layer was analysed.</p>`;
  const card = html`<div class="report-card" data-card data-model-id="${exact(report.model.id)}" data-source="${report.model.source}" data-sha="${
    report.model.sha ?? ""
  }" data-created-at="${report.created_at}" data-card-context="${exact(JSON.stringify(ctx))}">${header(report, ctx)}<div class="grid-2">${summaryPanel(report)}${warningsPanel(
    report,
    links.spectra,
  )}</div>${componentsPanel(report)}<section class="panel" style="margin-top: 1.25rem" aria-labelledby="flow-title"><h2 id="flow-title">Correlation flow</h2><p class="muted small">α of every analysed layer from the input to the output. In a well-trained network most layers sit in the shaded band; runs of layers outside it point at where training went wrong. Colours say what a layer does.</p>${
    report.layers.length > 0 ? correlationFlow("flow-plot", report.layers) : none
  }</section><div class="grid-2"><section class="panel" aria-labelledby="hist-title"><h2 id="hist-title">Layer α</h2>${
    report.layers.length > 0 ? alphaHistogramPlot("alpha-hist", report.layers) : none
  }</section><section class="panel" aria-labelledby="esd-title"><h2 id="esd-title">Spectra</h2><p class="muted small">Each layer's empirical spectral density (ESD: the eigenvalues of WᵀW) on log–log axes, with the power law fitted to its tail, where the tail starts (xmin), and the edge of the random-matrix (Marchenko–Pastur) bulk.</p>${
    notable[0] && esdPlot("esd-featured", notable[0].layer)
  }<p><a href="${links.spectra || "#spectra"}">All ${report.layers.length} spectra →</a></p></section></div>${
    notable.length > 1 &&
    html`<section class="panel" style="margin-top: 1.25rem" aria-labelledby="notable-title"><h2 id="notable-title">Spectra worth a look</h2><div class="spectra-grid">${notable
      .slice(1)
      .map(
        (n) =>
          html`<div><h3 class="layer-name">${n.layer.name}</h3><p class="muted small">${n.why}: α ${formatMetric(n.layer.alpha, 2)}${
            n.why === "correlation trap" && `, ${n.layer.rand_num_spikes} spikes in the randomized ESD`
          }</p>${esdPlot(`esd-notable-${n.layer.layer_id}`, n.layer)}</div>`,
      )}</div></section>`
  }<section class="panel" style="margin-top: 1.25rem" aria-labelledby="layers-title"><h2 id="layers-title">Layers</h2>${layerTable(
    report.layers,
    report.method.randomize,
    links.spectra,
  )}</section>${skippedAndFailed(report.skipped, report.failed)}${!ctx.embedded && comparePicker(report, ctx.compareWith ?? [])}<div class="grid-2" style="margin-top: 1.25rem">${badgePanel(
    report,
    `${ctx.siteUrl}${links.card}`,
    ctx.serviceOrigin,
  )}${provenance(report, ctx)}</div></div>`;
  return card.markup;
}
