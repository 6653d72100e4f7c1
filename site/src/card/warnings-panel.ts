import type { AnalysedLayer, Report } from "#shared/report";
import { compareLayerNames } from "../lib/compare-layer-names.ts";
import { alphaVerdict, type AlphaVerdict, formatMetric, OVER_TRAINED_BELOW, SPURIOUS_ABOVE, UNDER_TRAINED_ABOVE } from "#shared/format";
import { html, type Html } from "./html.ts";

const SHOWN = 8;

/** Layers whose α or randomized spectrum calls for a look, grouped by what is wrong, linked to their spectra. */
export function warningsPanel(report: Report, spectraPath: string): Html {
  const ordered = [...report.layers].sort((a, b) => compareLayerNames(a.name, b.name));
  const withVerdict = (v: AlphaVerdict) => ordered.filter((l) => alphaVerdict(l.alpha).verdict === v);
  const groups: { verdict: AlphaVerdict | "trap"; title: string; layers: AnalysedLayer[] }[] = [
    { verdict: "over-trained" as const, title: `α < ${OVER_TRAINED_BELOW}: over-trained or over-fit`, layers: withVerdict("over-trained") },
    { verdict: "under-trained" as const, title: `${UNDER_TRAINED_ABOVE} < α ≤ ${SPURIOUS_ABOVE}: under-trained`, layers: withVerdict("under-trained") },
    { verdict: "spurious" as const, title: `α > ${SPURIOUS_ABOVE}: the fit is probably spurious`, layers: withVerdict("spurious") },
    { verdict: "fit-failed" as const, title: "power-law fit failed", layers: withVerdict("fit-failed") },
    { verdict: "trap" as const, title: "correlation traps: the randomized ESD has spikes", layers: ordered.filter((l) => (l.rand_num_spikes ?? 0) > 0) },
  ].filter((g) => g.layers.length > 0);
  const body =
    groups.length === 0 && report.failed.length === 0
      ? html`<p class="muted">No layer raised a warning: every fitted α lies between ${OVER_TRAINED_BELOW} and ${UNDER_TRAINED_ABOVE}.</p>`
      : html`<ul class="plain warnings">${groups.map(
          (g) =>
            html`<li><span class="chip ${g.verdict === "trap" ? "over-trained" : g.verdict}">${g.layers.length}</span><strong>${g.title}</strong><span class="small listing" style="flex-basis: 100%">${g.layers
              .slice(0, SHOWN)
              .map(
                (l) =>
                  html`<span><a class="layer-name" href="${spectraPath}#layer-${l.layer_id}">${l.name}</a>${
                    g.verdict !== "fit-failed" && html`<span class="muted"> (${g.verdict === "trap" ? `${l.rand_num_spikes} spikes` : `α ${formatMetric(l.alpha, 2)}`})</span>`
                  }</span>`,
              )}${g.layers.length > SHOWN && html`<span class="muted">and ${g.layers.length - SHOWN} more (see the layer table)</span>`}</span></li>`,
        )}${
          report.failed.length > 0 &&
          html`<li><span class="chip failed">${report.failed.length}</span><strong>layers could not be analysed</strong><a class="small" href="#failed-title">see why</a></li>`
        }</ul>`;
  return html`<section class="panel" aria-labelledby="warnings-title"><h2 id="warnings-title">Warnings</h2>${body}<p class="muted small" style="margin-top: 0.75rem">Warnings are hints, not verdicts: compare models within one architecture series, and check a layer's spectrum before trusting its α.</p></section>`;
}
