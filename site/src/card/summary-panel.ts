import type { Report } from "#shared/report";
import { alphaVerdict, formatMetric, OVER_TRAINED_BELOW, UNDER_TRAINED_ABOVE } from "#shared/format";
import { SUMMARY_ROWS } from "../lib/summary-rows.ts";
import { exact, html, type Html } from "./html.ts";

const cell = (value: number | null) => html`<td data-value="${value === null ? "" : exact(String(value))}">${formatMetric(value, 4)}</td>`;
const figure = (value: string | number, label: string) => html`<div class="figure"><div class="value">${value}</div><div class="label">${label}</div></div>`;

/** The headline α and its plain reading, the counts, and the model-level means both ways. */
export function summaryPanel(report: Report): Html {
  const s = report.summary;
  const reading = alphaVerdict(s.successful_fits.alpha);
  // the failed layers' own panel exists only when some failed; otherwise the summary says so
  const failures =
    s.layers_failed === 0 ? "no layer failed" : html`${s.layers_failed} ${s.layers_failed === 1 ? "layer" : "layers"} failed and ${s.layers_failed === 1 ? "is" : "are"} left out (<a href="#failed-title">see why</a>)`;
  return html`<section class="panel" aria-labelledby="summary-title" data-summary><h2 id="summary-title">Summary</h2><div class="headline"><div><div class="big">${formatMetric(
    s.successful_fits.alpha,
    2,
  )}</div><div class="muted small">mean α over ${s.successful_fits.layers} fitted layers</div></div><div><span class="chip ${reading.verdict}">${reading.label}</span><p style="margin: 0.35rem 0 0">${
    reading.sentence
  }</p></div></div><div class="figures">${figure(formatMetric(s.reference.log_alpha_norm, 3), "log α-norm (mean)")}${figure(s.layers_analysed, "layers analysed")}${figure(
    s.over_trained,
    `α < ${OVER_TRAINED_BELOW} (over-trained)`,
  )}${figure(s.under_trained, `α > ${UNDER_TRAINED_ABOVE} (under-trained)`)}${figure(s.layers_failed, "layers failed")}${figure(s.layers_skipped, "tensors skipped")}</div><p class="muted small">Means over analysed layers; ${failures}. The reference tool's mean counts a failed fit as α = −1; the second column leaves failed fits out.</p><div class="table-wrap"><table class="data"><thead><tr><th scope="col" class="text">metric</th><th scope="col" class="wrap">reference mean (${
    s.layers_analysed
  } layers)</th><th scope="col" class="wrap">successful fits (${s.successful_fits.layers} layers)</th></tr></thead><tbody>${SUMMARY_ROWS.map(
    (r) =>
      html`<tr data-metric="${r.key}"><th scope="row" class="text wrap">${r.label}<div class="muted small" style="font-weight: 400">${r.note}</div></th>${cell(s.reference[r.key])}${cell(
        s.successful_fits[r.key],
      )}</tr>`,
  )}</tbody></table></div>${
    s.notes.length > 0 && html`<ul class="small" style="margin: 0.75rem 0 0; padding-left: 1.1rem">${s.notes.map((note) => html`<li>${note}</li>`)}</ul>`
  }</section>`;
}
