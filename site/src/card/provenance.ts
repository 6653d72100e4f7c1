import type { Report } from "#shared/report";
import { formatBytes } from "#shared/format";
import { formatDate } from "../lib/format-date.ts";
import { formatParameters } from "#shared/format";
import type { CardContext } from "./card-context.ts";
import { html, type Html } from "./html.ts";
import { adapterFacts } from "./adapter-facts.ts";
import { lineageFacts } from "./lineage-facts.ts";
import { deltaBaseFacts } from "./delta-base-facts.ts";

/** Where the report came from: the model on the Hub, the commit, the tool and method, the files, other revisions. */
export function provenance(report: Report, ctx: CardContext): Html {
  const m = report.model;
  const hubUrl = m.source === "hub" ? `https://huggingface.co/${m.id.split("/").map(encodeURIComponent).join("/")}` : null;
  const hubRevisionUrl = hubUrl && m.sha ? `${hubUrl}/tree/${encodeURIComponent(m.sha)}` : null;
  const revisions =
    ctx.revisions === null
      ? // the API lists a model's revisions only among every stored report
        html`<dt>revisions</dt> <dd>this one; <a href="${ctx.api}/api/reports">the service's list of reports</a> has any other</dd>`
      : ctx.revisions.length > 1 &&
        html`<dt>revisions</dt> <dd><ul class="plain">${ctx.revisions.map(
          (r) =>
            html`<li><a href="${r.href}" class="mono">${(r.sha ?? "local").slice(0, 12)}</a> <span class="muted">${r.revision ?? ""} · ${formatDate(r.created_at)}</span>${
              r.sha === m.sha && r.created_at === report.created_at && html`<span class="chip neutral">this one</span>`
            }</li>`,
        )}</ul></dd>`;
  return html`<section class="panel" aria-labelledby="provenance-title"><h2 id="provenance-title">Provenance</h2><dl class="facts small"><dt>model</dt> <dd>${
    hubUrl ? html`<a href="${hubUrl}" rel="noopener">${m.id} on the Hugging Face Hub</a>` : html`${m.id} (local files)`
  }</dd><dt>revision</dt> <dd>${m.revision === null ? "—" : m.revision}</dd><dt>commit</dt> <dd class="mono">${
    hubRevisionUrl ? html`<a href="${hubRevisionUrl}" rel="noopener">${m.sha}</a>` : m.sha === null ? "—" : m.sha
  }</dd><dt>analysed</dt> <dd><time datetime="${report.created_at}">${report.created_at}</time></dd><dt>tool</dt> <dd>${report.tool.name} ${report.tool.version}, engine ${
    report.method.engine
  }</dd><dt>method</dt> <dd>compatible with ${report.method.compatible_with}</dd><dt>randomization</dt> <dd>${
    report.method.randomize ? html`on, seed <span class="mono">${report.method.seed}</span>` : "off"
  }</dd><dt>parameters</dt> <dd>${formatParameters(m.parameters)} (${m.parameters.toLocaleString("en-US")}), ${m.dtypes.join(", ")}</dd><dt>family</dt> <dd>${
    m.family === null ? "unknown" : m.family
  }</dd>${m.lineage && lineageFacts(m.lineage)}${m.adapter && adapterFacts(m.adapter)}${report.method.base && deltaBaseFacts(report.method.base)}<dt>files</dt> <dd><ul class="plain">${m.files.map(
    (f) => html`<li><span class="mono">${f.name}</span> <span class="muted">(${formatBytes(f.size)})</span></li>`,
  )}</ul></dd><dt>raw report</dt> <dd><a href="${ctx.links.rawJson}">report.json</a> <span class="muted">(schema ${report.schema})</span></dd>${revisions}</dl></section>`;
}
