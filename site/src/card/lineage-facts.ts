import type { Lineage } from "#shared/report";
import { isOrgHubId } from "#shared/lineage";
import { html, type Html } from "./html.ts";

const SOURCE: Record<string, string> = { card: "model card", readme: "README front matter", adapter: "adapter config", gguf: "GGUF metadata" };

/** The site's card of a Hub model: `/{org}/{name}/`. */
export const baseCardPath = (id: string) => `/${id.split("/").map(encodeURIComponent).join("/")}/`;

/**
 * The provenance row of a model's lineage (model.lineage, docs/metrics.md §12): each base it names,
 * a Hub id (org/name) linked to that base's card here and anything else a source wrote as text,
 * with the relation and where the model says so.
 */
export function lineageFacts(lineage: Lineage): Html {
  return html`<dt>derived from</dt> <dd><ul class="plain">${lineage.base_models.map(
    (b) =>
      html`<li>${isOrgHubId(b.id) ? html`<a href="${baseCardPath(b.id)}">${b.id}</a>` : html`<span class="mono">${b.id}</span>`} <span class="muted">(${
        b.relation ?? "relation not said"
      }; ${SOURCE[b.source] ?? b.source})</span></li>`,
  )}</ul></dd>`;
}
