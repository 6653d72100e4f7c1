import type { Num, Report } from "#shared/report";
import { exact, html, type Html } from "../card/html.ts";
import { alphaVerdict, formatDelta, formatMetric, formatParameters, OVER_TRAINED_BELOW, UNDER_TRAINED_ABOVE } from "#shared/format";
import { familyDelta } from "../lineage/family-delta.ts";
import { SUMMARY_ROWS } from "../lib/summary-rows.ts";

const ROWS: { label: string; note: string; value: (r: Report) => Num; digits: number }[] = [
  { label: "mean α, fitted layers", note: "the badge's number", value: (r) => r.summary.successful_fits.alpha, digits: 2 },
  // the reference's means, over every analysed layer
  ...SUMMARY_ROWS.map(({ key, label, note }) => ({ label: `mean ${label}`, note, value: (r: Report) => r.summary.reference[key], digits: 3 })),
  { label: "layers analysed", note: "", value: (r) => r.summary.layers_analysed, digits: 0 },
  { label: `α < ${OVER_TRAINED_BELOW} (over-trained)`, note: "layers", value: (r) => r.summary.over_trained, digits: 0 },
  { label: `α > ${UNDER_TRAINED_ABOVE} (under-trained)`, note: "layers", value: (r) => r.summary.under_trained, digits: 0 },
  { label: "layers failed", note: "", value: (r) => r.summary.layers_failed, digits: 0 },
];


function headline(report: Report, href: string, side: "a" | "b"): Html {
  const reading = alphaVerdict(report.summary.successful_fits.alpha);
  return html`<div class="compare-model"><div class="muted small">${side}${report.method.base && " · a delta analysis of"}</div><a class="compare-id" href="${href}">${report.model.id}</a><div><span class="chip ${
    reading.verdict
  }">${reading.label}</span> <span class="muted small">${formatParameters(report.model.parameters)} parameters${report.model.family && html` · ${report.model.family}`}</span></div></div>`;
}

/** Both models' summaries side by side: the headline reading of each, then every mean with b − a. */
export function summaryComparison(a: Report, b: Report, hrefs: { a: string; b: string }): Html {
  return html`<section class="panel" aria-labelledby="compare-summary-title" data-compare-summary><h2 id="compare-summary-title">Summaries</h2><div class="compare-heads">${headline(a, hrefs.a, "a")}${headline(b, hrefs.b, "b")}</div><div class="table-wrap"><table class="data"><thead><tr><th scope="col" class="text">metric</th><th scope="col" class="wrap" title="${a.model.id}">a</th><th scope="col" class="wrap" title="${
    b.model.id
  }">b</th><th scope="col" title="b − a">Δ (b − a)</th></tr></thead><tbody>${ROWS.map((row) => {
    const [x, y] = [row.value(a), row.value(b)];
    return html`<tr><th scope="row" class="text wrap">${row.label}${row.note && html`<div class="muted small" style="font-weight: 400">${row.note}</div>`}</th><td data-value="${x === null ? "" : exact(String(x))}">${formatMetric(
      x,
      row.digits,
    )}</td><td data-value="${y === null ? "" : exact(String(y))}">${formatMetric(y, row.digits)}</td><td>${formatDelta(familyDelta(y, x), row.digits)}</td></tr>`;
  })}</tbody></table></div><p class="muted small">a is <span class="mono">${a.model.id}</span>, b is <span class="mono">${b.model.id}</span>. The metrics compare models of one architecture series; across architectures the differences say little.</p></section>`;
}
