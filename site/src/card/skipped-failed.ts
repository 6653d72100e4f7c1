import type { FailedLayer, SkippedLayer } from "#shared/report";
import { compareLayerNames } from "../lib/compare-layer-names.ts";
import { html, type Html } from "./html.ts";

const byDepth = <T extends { name: string }>(list: readonly T[]) => [...list].sort((a, b) => compareLayerNames(a.name, b.name));

/** Skipped tensors by reason, most common first (ties in the reason's order), each reason's tensors in depth order. */
export function groupSkipped(skipped: readonly SkippedLayer[]): { reason: string; tensors: SkippedLayer[] }[] {
  const groups = new Map<string, SkippedLayer[]>();
  for (const s of byDepth(skipped)) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s]);
  return [...groups]
    .map(([reason, tensors]) => ({ reason, tensors }))
    .sort((a, b) => b.tensors.length - a.tensors.length || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

function failedPanel(failed: readonly FailedLayer[]): Html {
  return html`<section class="panel" aria-labelledby="failed-title"><h2 id="failed-title">Failed layers (${failed.length})</h2><p class="muted small">These layers could not be analysed; the summary means leave them out.</p><ul class="plain warnings">${byDepth(
    failed,
  ).map(
    (f) =>
      html`<li><span class="chip failed">failed</span><span class="layer-name">${f.name}</span><span class="muted small mono">${f.shape.join("×")} ${f.dtype}</span><span class="small" style="flex-basis: 100%">${f.error}</span></li>`,
  )}</ul></section>`;
}

// A model can skip dozens of norms and biases: one line per reason, the names folded away
function skippedPanel(skipped: readonly SkippedLayer[]): Html {
  return html`<section class="panel" aria-labelledby="skipped-title"><h2 id="skipped-title">Skipped tensors (${skipped.length})</h2><p class="muted small">Not analysed by design, as the reference skips them; by rule:</p><ul class="plain skip-reasons">${groupSkipped(
    skipped,
  ).map(
    (g) =>
      html`<li><details><summary><span class="chip neutral">${g.tensors.length}</span> <span class="small">${g.reason}</span></summary><ul class="plain skipped-names small">${g.tensors.map(
        (s) => html`<li><span class="layer-name">${s.name}</span> <span class="muted mono">${s.shape.join("×")} ${s.dtype}</span></li>`,
      )}</ul></details></li>`,
  )}</ul></section>`;
}

/** The layers the report left out: failed ones with their errors, skipped ones by reason. Nothing when there are none. */
export function skippedAndFailed(skipped: readonly SkippedLayer[], failed: readonly FailedLayer[]): Html {
  const panels = [failed.length > 0 && failedPanel(failed), skipped.length > 0 && skippedPanel(skipped)].filter((p): p is Html => p !== false);
  if (panels.length === 0) return html``;
  return panels.length === 2 ? html`<div class="grid-2 exclusions">${panels}</div>` : html`<div class="exclusions">${panels}</div>`;
}
