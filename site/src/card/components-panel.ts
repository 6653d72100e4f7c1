import type { Report } from "#shared/report";
import { formatMetric, OVER_TRAINED_BELOW, UNDER_TRAINED_ABOVE } from "#shared/format";
import { exact, html, type Html } from "./html.ts";

/**
 * A multi-component repo's components (a diffusers pipeline's unet, text encoders, vae), each
 * with its own means: the model's summary averages all of them, and one component can hide
 * another's trouble. Nothing for a model of one component.
 */
export function componentsPanel(report: Report): Html | null {
  const components = report.summary.components;
  if (!components || components.length === 0) return null;
  const cell = (value: number | null, digits: number) => html`<td data-value="${value === null ? "" : exact(String(value))}">${formatMetric(value, digits)}</td>`;
  return html`<section class="panel" style="margin-top: 1.25rem" aria-labelledby="components-title" data-components><h2 id="components-title">Components</h2><p class="muted small">This repo holds ${
    components.length
  } models, analysed together; each layer's name starts with its component. The summary above averages all of their layers; here each component's own.</p><div class="table-wrap"><table class="data"><thead><tr><th scope="col" class="text">component</th><th scope="col">layers</th><th scope="col">log α-norm</th><th scope="col">mean α (fits)</th><th scope="col">α &lt; ${OVER_TRAINED_BELOW}</th><th scope="col">α &gt; ${UNDER_TRAINED_ABOVE}</th><th scope="col">skipped</th><th scope="col">failed</th></tr></thead><tbody>${components.map(
    (c) =>
      html`<tr data-component="${c.name}"><th scope="row" class="text">${c.name}</th><td>${c.layers_analysed}</td>${cell(c.reference.log_alpha_norm, 3)}${cell(
        c.successful_fits.alpha,
        2,
      )}<td>${c.over_trained}</td><td>${c.under_trained}</td><td>${c.layers_skipped}</td><td>${c.layers_failed}</td></tr>`,
  )}</tbody></table></div></section>`;
}
