import type { Report } from "#shared/report";
import { html } from "../card/html.ts";
import { deltaSpectra } from "./delta-spectra.ts";
import { matchLayers } from "./match-layers.ts";
import { movedMost } from "./moved-most.ts";
import { movedMostList } from "./moved-most-list.ts";
import { overlayPlot } from "./overlay-plot.ts";
import { summaryComparison } from "./summary-comparison.ts";

export interface CompareLinks {
  /** each model's card */
  a: string;
  b: string;
  /** the delta report's own page, when it has one */
  delta: string | null;
}

/**
 * The compare page of two reports: both summaries, α and log α-norm per layer overlaid against
 * depth, the layers that moved most, and the delta spectra when a delta analysis of one against
 * the other is known. The build renders it for the pairs it knows; the browser for any other.
 */
export function renderCompare(a: Report, b: Report, delta: Report | null, links: CompareLinks): string {
  const matched = matchLayers(a.layers, b.layers);
  const both = matched.filter((m) => m.a && m.b).length;
  const moved = movedMost(matched);
  const fittedInBoth = matched.filter((m) => (m.a?.alpha ?? 0) > 0 && (m.b?.alpha ?? 0) > 0).length;
  const names = { a: `a: ${a.model.id}`, b: `b: ${b.model.id}` };
  return html`<div class="compare" data-compare data-a="${a.model.id}" data-b="${b.model.id}"><nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Leaderboard</a> / <a href="/lineage/">Families by base model</a></nav><h1 class="model-title">${
    a.model.id
  } <span class="muted">vs</span> ${b.model.id}</h1><p class="muted small">${both} of ${matched.length} layer names are in both reports; layers are matched by name and ordered by depth.</p>${summaryComparison(
    a,
    b,
    links,
  )}<section class="panel" style="margin-top: 1.25rem" aria-labelledby="overlay-title"><h2 id="overlay-title">Per layer, against depth</h2><p class="muted small">Each layer name of either model in depth order; a solid, b dashed. Points missing on one line are layers that model lacks (or whose fit failed).</p>${overlayPlot(
    "compare-alpha",
    matched,
    "alpha",
    names,
  )}${overlayPlot("compare-norm", matched, "log_alpha_norm", names)}</section><div style="margin-top: 1.25rem">${movedMostList(moved, fittedInBoth)}</div>${
    delta && deltaSpectra(delta, links.delta)
  }</div>`.markup;
}
