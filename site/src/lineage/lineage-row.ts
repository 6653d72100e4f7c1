import type { Num } from "#shared/report";
import { exact, html, type Html } from "../card/html.ts";
import { alphaVerdict, formatDelta, formatMetric, formatParameters } from "#shared/format";
import { familyDelta } from "./family-delta.ts";
import type { LineageMember } from "./lineage-families.ts";

const num = (v: Num) => (v === null ? "" : String(v));

/**
 * One row of a family table. The base is the reference row (`reference`: Δ is 0 by definition and
 * the row is not ranked); a descendant's Δ is against `base` (null: the site has no report of it).
 */
export function lineageRow(member: LineageMember, base: LineageMember | null, options: { rank: number; reference: boolean; compareHref: string | null }): Html {
  const { row } = member;
  const dNorm = base === null ? null : familyDelta(row.log_alpha_norm, base.row.log_alpha_norm);
  const dAlpha = base === null ? null : familyDelta(row.alpha, base.row.alpha);
  const reading = alphaVerdict(row.successful_fit_alpha);
  const relation = options.reference ? "base" : (member.relation ?? "");
  return html`<tr data-model="${exact(row.id)}" data-relation="${exact(relation)}"${options.reference && html` class="reference-row" data-reference`}><td data-value="${
    options.reference ? "" : options.rank
  }">${options.reference ? html`<span class="muted" title="the reference row">ref</span>` : options.rank}</td><td class="text sticky-col name" data-value="${exact(row.id)}" title="${row.id}"><a href="${
    row.href
  }">${row.id}</a></td><td class="text" data-value="${exact(relation)}">${relation === "" ? html`<span class="muted">not said</span>` : relation}</td><td data-value="${num(
    row.log_alpha_norm,
  )}"><strong>${formatMetric(row.log_alpha_norm, 3)}</strong></td><td data-value="${options.reference ? "0" : num(dNorm)}"${
    !options.reference && dNorm !== null && html` class="${dNorm < 0 ? "delta-lower" : dNorm > 0 ? "delta-higher" : ""}"`
  }>${options.reference ? html`<span class="muted">reference</span>` : formatDelta(dNorm)}</td><td data-value="${num(row.alpha)}"><span class="verdict-dot ${reading.verdict}" aria-hidden="true"></span>${formatMetric(
    row.alpha,
    2,
  )}<span class="visually-hidden">(${reading.label})</span></td><td data-value="${options.reference ? "0" : num(dAlpha)}">${options.reference ? html`<span class="muted">—</span>` : formatDelta(dAlpha)}</td><td data-value="${
    row.parameters
  }">${formatParameters(row.parameters)}</td><td class="text" data-value="">${options.compareHref && html`<a href="${options.compareHref}">compare</a>`}</td></tr>`;
}
