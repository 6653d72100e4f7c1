import { badgeContent, renderBadgeSvg } from "#shared/badge";
import type { Report } from "#shared/report";
import { firstHubBase } from "#shared/lineage";
import { badgeSnippets, badgeUrls } from "../lib/badge-snippets.ts";
import { html, type Html } from "./html.ts";

/** The report's badge and copy-ready snippets embedding the model's live badge (Hub models only). */
export function badgePanel(report: Report, cardUrl: string, serviceOrigin: string): Html {
  const content = badgeContent({ successfulFitAlpha: report.summary.successful_fits.alpha, layersFailed: report.summary.layers_failed });
  // the same picture the service draws, made here so the card needs no request to show it
  const preview = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderBadgeSvg(content))}`;
  const body =
    report.model.source === "hub"
      ? html`<p class="muted small">The badge follows the model's latest analysis (the picture above is this report's). Paste one of these into the model's README:</p>${badgeSnippets(
          badgeUrls(report.model.id, report.model.sha, serviceOrigin, cardUrl, firstHubBase(report.model) !== null),
        ).map(
          (s) =>
            html`<div><div class="snippet-label">${s.label}</div><div class="snippet"><pre><code>${s.text}</code></pre><button type="button" class="secondary copy" data-copy>Copy</button></div></div>`,
        )}`
      : html`<p class="muted small">Badges are served for Hub models analysed by the service; this report was made from local files.</p>`;
  return html`<section class="panel" id="badge" aria-labelledby="badge-title"><h2 id="badge-title">Badge</h2><p><img src="${preview}" alt="${content.label}: ${content.message}" height="20"></p>${body}</section>`;
}
