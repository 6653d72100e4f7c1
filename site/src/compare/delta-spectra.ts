import type { Report } from "#shared/report";
import { correlationFlow } from "../card/correlation-flow.ts";
import { esdPlot } from "../card/esd-plot.ts";
import { html, type Html } from "../card/html.ts";
import { compareLayerNames } from "../lib/compare-layer-names.ts";
import { formatMetric } from "#shared/format";

// a page of a few dozen small plots stays quick to draw; the delta report's own page has them all
const MAX_SPECTRA = 24;

/**
 * The delta analysis of one model against the other (method.base, docs/metrics.md §11): α of
 * W − W_base per layer against depth, and each layer's spectrum of the update with ‖W − W_base‖.
 */
export function deltaSpectra(delta: Report, href: string | null): Html {
  const layers = [...delta.layers].sort((x, y) => compareLayerNames(x.name, y.name));
  const base = delta.method.base!;
  const shown = layers.slice(0, MAX_SPECTRA);
  return html`<section class="panel" style="margin-top: 1.25rem" aria-labelledby="delta-title" data-delta-spectra><h2 id="delta-title">Delta spectra: W − W_base</h2><p class="muted small">From the delta analysis of <span class="mono">${
    delta.model.id
  }</span> against <span class="mono">${base.id}</span>${base.sha && html` at <span class="mono">${base.sha.slice(0, 12)}</span>`}: every layer's spectrum is of the update, not the weights. A heavy-tailed update (low α) is one that learnt structure; a random-looking one (high α, small ‖ΔW‖) changed little.${
    delta.summary.avg_dW !== undefined && html` Mean ‖W − W_base‖ over the layers: ${formatMetric(delta.summary.avg_dW, 3)}.`
  }${href && html` <a href="${href}">The delta report's card</a>.`}</p>${layers.length > 0 ? correlationFlow("delta-flow", layers) : html`<p class="muted">No layer was analysed.</p>`}<div class="spectra-grid">${shown.map(
    (l) =>
      html`<div><h3 class="layer-name">${l.name}</h3><p class="muted small">α ${formatMetric(l.alpha, 2)} · ‖W − W_base‖ ${formatMetric(l.delta_W ?? null, 3)}</p>${esdPlot(`delta-esd-${l.layer_id}`, l)}</div>`,
  )}</div>${layers.length > shown.length && html`<p class="muted small">The first ${shown.length} of ${layers.length} layers in depth order.</p>`}</section>`;
}
