import { html, exact, type Html } from "../card/html.ts";
import { sortButton } from "../card/sort-button.ts";
import { LINEAGE_COLUMNS } from "./lineage-columns.ts";
import type { LineageFamily, LineageMember } from "./lineage-families.ts";
import { lineageRow } from "./lineage-row.ts";

const head = html`<thead><tr>${LINEAGE_COLUMNS.map(
  (c) =>
    html`<th scope="col"${c.type === "text" && html` class="text${c.key === "model" ? " sticky-col" : ""}"`} data-key="${c.key}" data-type="${c.type}"${c.order && html` data-order="${c.order}"`}${
      c.key === "log_alpha_norm" && html` aria-sort="ascending"`
    }${(c.key === "rank" || c.key === "compare") && c.title && html` title="${c.title}"`}>${c.key === "rank" || c.key === "compare" ? c.label : sortButton(c.label, c.title)}</th>`,
)}</tr></thead>`;

/**
 * One root base's family: its reference row (when the site has the base), then every descendant
 * ranked by log α-norm with Δ against the base. `compareHref` links a descendant to its page
 * beside the base.
 */
export function lineageTable(family: LineageFamily, compareHref: (member: LineageMember) => string | null): Html {
  const count = family.members.length;
  return html`<section class="panel lineage-family" data-root="${exact(family.root)}" aria-label="${`Descendants of ${family.root}`}"><h3 class="lineage-title">base <a href="${
    family.base?.row.href ?? `/${family.root.split("/").map(encodeURIComponent).join("/")}`
  }">${family.root}</a> <span class="muted small">${count} ${count === 1 ? "descendant" : "descendants"}${family.base === null && " · the base has no report here yet"}</span></h3><div class="table-wrap"><table class="data" data-lineage-table>${head}<tbody>${
    family.base && lineageRow(family.base, null, { rank: 0, reference: true, compareHref: null })
  }${family.members.map((m, i) => lineageRow(m, family.base, { rank: i + 1, reference: false, compareHref: compareHref(m) }))}</tbody></table></div></section>`;
}
