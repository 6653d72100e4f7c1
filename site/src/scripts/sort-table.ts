export type SortDirection = "ascending" | "descending";

/**
 * Sorts a table's body rows by one column, using each cell's `data-value` (numbers compare as
 * numbers for headers marked `data-type="num"`). Empty values (not finite in the report) go last
 * in both directions. Marks the header with `aria-sort`.
 */
export function sortTable(table: HTMLTableElement, column: number, direction: SortDirection): void {
  const headers = [...table.tHead!.rows[0].cells];
  const numeric = headers[column]?.dataset.type === "num";
  const body = table.tBodies[0];
  const sign = direction === "ascending" ? 1 : -1;
  const valueOf = (row: HTMLTableRowElement) => row.cells[column]?.dataset.value ?? "";
  const rows = [...body.rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
    if (numeric) return sign * (Number(x) - Number(y));
    return sign * x.localeCompare(y);
  });
  body.append(...rows);
  headers.forEach((h, i) => (i === column ? h.setAttribute("aria-sort", direction) : h.removeAttribute("aria-sort")));
}

/** Makes a table's header buttons sort it; `onSort` hears about every change. */
export function enableSorting(table: HTMLTableElement, onSort?: (column: number, direction: SortDirection) => void): void {
  const headers = [...table.tHead!.rows[0].cells];
  headers.forEach((header, column) => {
    header.querySelector("button.sort")?.addEventListener("click", () => {
      const current = header.getAttribute("aria-sort");
      // a header marked data-order="desc" (say, a date) starts from the largest
      const first: SortDirection = header.dataset.order === "desc" ? "descending" : "ascending";
      const direction: SortDirection = current === null ? first : current === "ascending" ? "descending" : "ascending";
      sortTable(table, column, direction);
      onSort?.(column, direction);
    });
  });
}
