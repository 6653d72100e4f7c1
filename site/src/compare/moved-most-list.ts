import { html, type Html } from "../card/html.ts";
import { formatMetric } from "#shared/format";
import type { MovedLayer } from "./moved-most.ts";

/** The layers that moved most, as a ranked list: each layer's α in a and in b, and the change. */
export function movedMostList(moved: readonly MovedLayer[], matchedCount: number): Html {
  const body =
    moved.length === 0
      ? html`<p class="muted" data-moved-none>The two models have no fitted layer of the same name, so there is nothing to line up.</p>`
      : html`<ol class="moved-most" data-moved-most>${moved.map(
          (m) =>
            html`<li data-layer="${m.name}" data-delta="${String(m.delta)}"><span class="layer-name">${m.name}</span> <span class="muted">α ${formatMetric(m.alphaA, 2)} → ${formatMetric(
              m.alphaB,
              2,
            )}</span> <strong>${m.delta > 0 ? "+" : "−"}${formatMetric(Math.abs(m.delta), 2)}</strong></li>`,
        )}</ol>`;
  return html`<section class="panel" aria-labelledby="moved-title"><h2 id="moved-title">Layers that moved most</h2><p class="muted small">The largest changes of α (b − a) over the ${matchedCount} layer names both models fitted. A fine-tune that drives layers below α = 2 may have over-fitted them.</p>${body}</section>`;
}
