import type { Lineage } from "../../../shared/report/schema.ts";
import { html, type Html } from "./html.ts";

/** A Hub model id (org/name); anything else a source wrote (a path, a bare name) is shown as text. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

const SOURCE: Record<string, string> = { card: "model card", readme: "README front matter", adapter: "adapter config", gguf: "GGUF metadata" };

/** The site's card of a Hub model: `/{org}/{name}/`. */
export const baseCardPath = (id: string) => `/${id.split("/").map(encodeURIComponent).join("/")}/`;

/**
 * The provenance row of a model's lineage (model.lineage, docs/metrics.md §12): each base it names,
 * a Hub id linked to that base's card here, with the relation and where the model says so.
 */
export function lineageFacts(lineage: Lineage): Html {
  return html`<dt>derived from</dt> <dd><ul class="plain">${lineage.base_models.map(
    (b) =>
      html`<li>${HUB_ID.test(b.id) ? html`<a href="${baseCardPath(b.id)}">${b.id}</a>` : html`<span class="mono">${b.id}</span>`} <span class="muted">(${
        b.relation ?? "relation not said"
      }; ${SOURCE[b.source] ?? b.source})</span></li>`,
  )}</ul></dd>`;
}
