import { escapeXml as e } from "../../shared/badge/escape-xml.ts";
import type { Report } from "../../shared/report/schema.ts";
import { formatNumber as n } from "./format-number.ts";
import { htmlPage } from "./html-page.ts";

const COLUMNS = ["N", "M", "alpha", "D", "log_norm", "log_spectral_norm", "alpha_weighted", "log_alpha_norm", "stable_rank", "num_spikes"] as const;

/** The service's own report page: the summary, every analysed layer, skipped and failed ones. */
export function renderReportPage(report: Report): Response {
  const { model, summary } = report;
  const key = `${model.id}@${model.sha}`;
  const reference = summary.reference;
  const rows = report.layers
    .map((l) => `<tr><td>${e(l.name)}</td><td>${e(l.layer_type)}</td>${COLUMNS.map((c) => `<td>${n(l[c])}</td>`).join("")}<td>${e(l.warning)}</td></tr>`)
    .join("");
  const skipped = report.skipped.map((l) => `<li>${e(l.name)} — ${e(l.reason)}</li>`).join("");
  const failed = report.failed.map((l) => `<li>${e(l.name)} — ${e(l.error)}</li>`).join("");
  const body = `
<h1>${e(model.id)}</h1>
<p class="muted">commit <code>${e(model.sha ?? "")}</code> (${e(model.revision ?? "")}) · ${e(model.family ?? "unknown family")} · ${model.parameters.toLocaleString("en-US")} parameters · analysed ${e(report.created_at.slice(0, 10))}</p>
<p><img src="/badge/${e(key)}.svg" alt="heavytail badge for ${e(model.id)}"></p>
<dl class="metrics">
<div><dt>log α-norm (mean)</dt><dd>${n(reference.log_alpha_norm)}</dd></div>
<div><dt>α, mean over ${summary.successful_fits.layers} successful fits</dt><dd>${n(summary.successful_fits.alpha)}</dd></div>
<div><dt>α, reference mean (failed fits as −1)</dt><dd>${n(reference.alpha)}</dd></div>
<div><dt>α̂ (alpha_weighted)</dt><dd>${n(reference.alpha_weighted)}</dd></div>
<div><dt>log spectral norm</dt><dd>${n(reference.log_spectral_norm)}</dd></div>
<div><dt>log Frobenius norm</dt><dd>${n(reference.log_norm)}</dd></div>
</dl>
<p>${summary.layers_analysed} layers analysed, ${summary.layers_skipped} skipped, ${summary.layers_failed} failed; ${summary.over_trained} over-trained (α &lt; 2), ${summary.under_trained} under-trained (α &gt; 6).</p>
${summary.notes.map((note) => `<p>${e(note)}</p>`).join("")}
<p><a href="/api/reports/${e(key)}">report JSON</a> · <a href="https://huggingface.co/${e(model.id)}">model on the Hub</a></p>
<h2>Layers</h2>
<div class="scroll"><table><thead><tr><th>layer</th><th>type</th>${COLUMNS.map((c) => `<th>${c}</th>`).join("")}<th>warning</th></tr></thead><tbody>${rows}</tbody></table></div>
${skipped ? `<h2>Skipped layers</h2><ul>${skipped}</ul>` : ""}
${failed ? `<h2>Failed layers</h2><ul>${failed}</ul>` : ""}
<p class="muted">${e(report.tool.name)} ${e(report.tool.version)} · ${e(report.method.compatible_with)} · engine ${e(report.method.engine)} · seed ${n(report.method.seed)}</p>`;
  return htmlPage(model.id, body);
}
