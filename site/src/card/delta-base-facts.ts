import type { DeltaBaseIdentity } from "#shared/report";
import { html, type Html } from "./html.ts";
import { baseCardPath } from "./lineage-facts.ts";

/** The provenance row of a delta analysis (method.base, docs/metrics.md §11): what W − W_base was taken against. */
export function deltaBaseFacts(base: DeltaBaseIdentity): Html {
  const name = base.source === "hub" ? html`<a href="${baseCardPath(base.id)}">${base.id}</a>` : html`${base.id} (local files)`;
  return html`<dt>delta analysis</dt> <dd>every layer is W − W_base against ${name}${
    base.sha !== null && html` at <span class="mono">${base.sha.slice(0, 12)}</span>`
  }: its metrics describe the update, not the weights</dd>`;
}
