import { enableSorting } from "./sort-table.ts";

for (const table of document.querySelectorAll<HTMLTableElement>("table[data-sortable]")) enableSorting(table);
