import { enableCopyButtons } from "../scripts/copy-buttons.ts";
import { showBaseComparison } from "../scripts/show-base-comparison.ts";
import { enableSorting } from "../scripts/sort-table.ts";

/** Wires a rendered card's scripts (sortable layer table, badge copy buttons, the comparison with its base), on a static page or after rendering it here. */
export function mountCard(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>("table[data-sortable]")) enableSorting(table);
  enableCopyButtons(root);
  void showBaseComparison(root);
}
