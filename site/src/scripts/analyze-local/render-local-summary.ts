import type { Report, SummaryMetrics } from "../../../../shared/report/schema.ts";
import { formatMetric } from "../../lib/format-metric.ts";
import { readAlpha } from "../../lib/read-alpha.ts";
import { revealInvisible } from "../../lib/reveal-invisible.ts";
import { element } from "./element.ts";

const ROWS: { key: keyof SummaryMetrics; label: string }[] = [
  { key: "log_alpha_norm", label: "log α-norm" },
  { key: "alpha", label: "mean α" },
  { key: "alpha_weighted", label: "α̂ (weighted α)" },
  { key: "log_spectral_norm", label: "log spectral norm" },
  { key: "log_norm", label: "log Frobenius norm" },
  { key: "stable_rank", label: "stable rank" },
  { key: "mp_softrank", label: "MP softrank" },
];

/** The summary of a report made in the browser, laid out as the report cards' summary panel. */
export function renderLocalSummary(report: Report): HTMLElement {
  const s = report.summary;
  const reading = readAlpha(s.successful_fits.alpha);
  const figure = (value: string, label: string) => element("div", { class: "figure" }, element("div", { class: "value" }, value), element("div", { class: "label" }, label));
  const cell = (value: number | null) => element("td", { "data-value": value === null ? "" : String(value) }, formatMetric(value, 4));
  return element(
    "section",
    { class: "panel", "aria-labelledby": "local-summary-title", "data-local-summary": "" },
    element("h2", { id: "local-summary-title" }, `Summary of ${revealInvisible(report.model.id)}`),
    element(
      "div",
      { class: "headline" },
      element("div", {}, element("div", { class: "big" }, formatMetric(s.successful_fits.alpha, 2)), element("div", { class: "muted small" }, `mean α over ${s.successful_fits.layers} fitted layers`)),
      element("div", {}, element("span", { class: `chip ${reading.verdict}` }, reading.label), element("p", { style: "margin: 0.35rem 0 0" }, reading.sentence)),
    ),
    element(
      "div",
      { class: "figures" },
      figure(formatMetric(s.reference.log_alpha_norm, 3), "log α-norm (mean)"),
      figure(String(s.layers_analysed), "layers analysed"),
      figure(String(s.over_trained), "α < 2 (over-trained)"),
      figure(String(s.under_trained), "α > 6 (under-trained)"),
      figure(String(s.layers_failed), "layers failed"),
      figure(String(s.layers_skipped), "tensors skipped"),
    ),
    element(
      "div",
      { class: "table-wrap" },
      element(
        "table",
        { class: "data" },
        element(
          "thead",
          {},
          element("tr", {}, element("th", { scope: "col", class: "text" }, "metric"), element("th", { scope: "col", class: "wrap" }, `reference mean (${s.layers_analysed} layers)`), element("th", { scope: "col", class: "wrap" }, `successful fits (${s.successful_fits.layers} layers)`)),
        ),
        element("tbody", {}, ...ROWS.map((r) => element("tr", { "data-metric": r.key }, element("td", { class: "text" }, r.label), cell(s.reference[r.key]), cell(s.successful_fits[r.key])))),
      ),
    ),
    ...(s.notes.length > 0 ? [element("ul", { class: "small" }, ...s.notes.map((note) => element("li", {}, revealInvisible(note))))] : []),
    ...(report.failed.length > 0
      ? [element("p", { class: "small" }, `Layers that could not be analysed: ${report.failed.map((f) => `${revealInvisible(f.name)} (${revealInvisible(f.error)})`).join("; ")}`)]
      : []),
  );
}
