import { html, type Html } from "./html.ts";

/** A table header's sort control (site/src/scripts/sort-table.ts wires it). */
export function sortButton(label: string, title?: string): Html {
  return html`<button type="button" class="sort"${title !== undefined && html` title="${title}"`}>${label}</button>`;
}
