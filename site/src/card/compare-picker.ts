import type { Report } from "#shared/report";
import { exact, html, type Html } from "./html.ts";

/** A model the card suggests comparing with: its page beside this one, and why it is suggested. */
export interface CompareCandidate {
  id: string;
  href: string;
  /** e.g. "its base", "same base", "same family" */
  note: string;
}

/**
 * The card's compare picker (Hub models only): any Hub id typed or picked goes to the compare page
 * (`/compare/?a=…&b=…`, which moves on to a static page when the build made one), and the models
 * the build knows to be related are links straight to their page.
 */
export function comparePicker(report: Report, candidates: readonly CompareCandidate[]): Html {
  if (report.model.source !== "hub") return html``;
  const suggested = candidates.slice(0, 8);
  return html`<section class="panel" style="margin-top: 1.25rem" id="compare" aria-labelledby="compare-title" data-compare-picker><h2 id="compare-title">Compare</h2><form class="controls" action="/compare/" method="get"><input type="hidden" name="a" value="${exact(
    report.model.id,
  )}"><label>Compare with<input type="text" name="b" list="compare-options" required placeholder="org/name" autocomplete="off" spellcheck="false"></label><datalist id="compare-options">${candidates.map(
    (c) => html`<option value="${exact(c.id)}">${c.note}</option>`,
  )}</datalist><button type="submit">Compare</button></form>${
    suggested.length > 0 &&
    html`<ul class="plain compare-suggestions">${suggested.map((c) => html`<li><a href="${c.href}" data-compare-with="${exact(c.id)}">${c.id}</a> <span class="muted small">(${c.note})</span></li>`)}</ul>`
  }<p class="muted small">Side by side: both summaries, α per layer against depth, and the layers that moved most. Any analysed Hub model works; its report is fetched from the service.</p></section>`;
}
