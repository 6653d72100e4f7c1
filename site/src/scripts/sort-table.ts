export type SortDirection = "ascending" | "descending";

/**
 * Two cells' `data-value`s in sort order: as numbers for numeric columns, else as text. Empty
 * values (not finite in the report) go last in both directions.
 */
export function compareSortValues(x: string, y: string, numeric: boolean, direction: SortDirection): number {
  if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
  const sign = direction === "ascending" ? 1 : -1;
  return sign * (numeric ? Number(x) - Number(y) : x.localeCompare(y));
}

/** Marks the header of the sorted column with `aria-sort`, and the others without. */
export function markSorted(table: HTMLTableElement, column: number, direction: SortDirection): void {
  [...table.tHead!.rows[0].cells].forEach((h, i) => (i === column ? h.setAttribute("aria-sort", direction) : h.removeAttribute("aria-sort")));
}

/** Sorts a table's body rows by one column (`data-type="num"` headers compare as numbers). */
export function sortTable(table: HTMLTableElement, column: number, direction: SortDirection): void {
  const numeric = table.tHead!.rows[0].cells[column]?.dataset.type === "num";
  const body = table.tBodies[0];
  const valueOf = (row: HTMLTableRowElement) => row.cells[column]?.dataset.value ?? "";
  body.append(...[...body.rows].sort((a, b) => compareSortValues(valueOf(a), valueOf(b), numeric, direction)));
  markSorted(table, column, direction);
}

/**
 * Calls `onSort` when a header's sort button is clicked, with the direction it asks for: the
 * header's first direction (`data-order="desc"`, say for a date, starts from the largest), then
 * the other way on each click.
 */
export function listenForSorts(table: HTMLTableElement, onSort: (column: number, direction: SortDirection) => void): void {
  [...table.tHead!.rows[0].cells].forEach((header, column) => {
    header.querySelector("button.sort")?.addEventListener("click", () => {
      const current = header.getAttribute("aria-sort");
      const first: SortDirection = header.dataset.order === "desc" ? "descending" : "ascending";
      onSort(column, current === null ? first : current === "ascending" ? "descending" : "ascending");
    });
  });
}

/** Makes a table's header buttons sort its body. */
export function enableSorting(table: HTMLTableElement): void {
  listenForSorts(table, (column, direction) => sortTable(table, column, direction));
}
