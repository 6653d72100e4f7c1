import { compareSortValues, listenForSorts, markSorted, type SortDirection } from "./sort-table.ts";

/**
 * The family view's state, kept in the URL (`/lineage/?base=org/name&relation=finetune&sort=delta_alpha&dir=desc`)
 * so a view can be shared: one root base's family or all of them, one relation or all, the sort.
 */
export interface LineageView {
  /** a root base's id; "" shows every family */
  base: string;
  /** finetune, adapter, quantized or merge; "" shows every descendant */
  relation: string;
  sort: string;
  dir: "asc" | "desc";
}

export const RELATIONS = ["finetune", "adapter", "quantized", "merge"] as const;

export const DEFAULT_LINEAGE_VIEW: LineageView = { base: "", relation: "", sort: "log_alpha_norm", dir: "asc" };

/** Reads a view from URL parameters; unknown values fall back to the default. */
export function lineageViewFromParams(params: URLSearchParams, allowed: { bases: string[]; sorts: string[] }): LineageView {
  const pick = (value: string | null, options: readonly string[], fallback: string) => (value !== null && options.includes(value) ? value : fallback);
  return {
    base: pick(params.get("base"), allowed.bases, ""),
    relation: pick(params.get("relation"), RELATIONS, ""),
    sort: pick(params.get("sort"), allowed.sorts, DEFAULT_LINEAGE_VIEW.sort),
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

/** The URL parameters of a view, leaving out what is the default. */
export function paramsFromLineageView(view: LineageView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.base) params.set("base", view.base);
  if (view.relation) params.set("relation", view.relation);
  if (view.sort !== DEFAULT_LINEAGE_VIEW.sort || view.dir !== DEFAULT_LINEAGE_VIEW.dir) params.set("sort", view.sort);
  if (view.dir !== DEFAULT_LINEAGE_VIEW.dir) params.set("dir", view.dir);
  return params;
}

/**
 * Wires the family view's controls to its tables (`[data-lineage-root]`): each table keeps its
 * base's reference row on top, whatever the sort, and ranks the descendants shown. Returns what
 * unwires the controls, for tables drawn anew (hydrateLineage).
 */
export function mountLineage(root: HTMLElement): () => void {
  const wired = new AbortController();
  const { signal } = wired;
  const sections = [...root.querySelectorAll<HTMLElement>("section[data-root]")];
  const tables = sections.map((s) => s.querySelector<HTMLTableElement>("table[data-lineage-table]")!);
  const base = root.querySelector<HTMLSelectElement>("select[name=base]")!;
  const relation = root.querySelector<HTMLSelectElement>("select[name=relation]")!;
  const count = root.querySelector<HTMLElement>("[data-count]")!;
  const empty = root.querySelector<HTMLElement>("[data-empty]")!;
  const resets = root.querySelectorAll<HTMLButtonElement>("button[data-reset]");
  if (tables.length === 0) return () => wired.abort();
  const headers = [...tables[0].tHead!.rows[0].cells];
  const keys = headers.map((h) => h.dataset.key ?? "");
  const allowed = {
    bases: sections.map((s) => s.dataset.root ?? ""),
    sorts: headers.filter((h) => h.querySelector("button.sort")).map((h) => h.dataset.key ?? ""),
  };
  const members = tables.map((t) => [...t.tBodies[0].rows].filter((r) => !r.hasAttribute("data-reference")));
  const total = members.reduce((n, rows) => n + rows.length, 0);
  let view = lineageViewFromParams(new URLSearchParams(location.search), allowed);

  const value = (row: HTMLTableRowElement, key: string) => row.cells[keys.indexOf(key)]?.dataset.value ?? "";
  const byRank = (a: HTMLTableRowElement, b: HTMLTableRowElement) =>
    compareSortValues(value(a, "log_alpha_norm"), value(b, "log_alpha_norm"), true, "ascending") || value(a, "model").localeCompare(value(b, "model"));
  const render = () => {
    const column = keys.indexOf(view.sort);
    const direction: SortDirection = view.dir === "desc" ? "descending" : "ascending";
    const numeric = headers[column].dataset.type === "num";
    let shown = 0;
    tables.forEach((table, t) => {
      const body = table.tBodies[0];
      const visible = members[t].filter((row) => view.relation === "" || row.dataset.relation === view.relation);
      const ordered = [...visible].sort(byRank).sort((a, b) => compareSortValues(value(a, view.sort), value(b, view.sort), numeric, direction));
      for (const row of members[t]) row.hidden = !visible.includes(row);
      const reference = body.querySelector<HTMLTableRowElement>("tr[data-reference]");
      if (reference) body.prepend(reference);
      ordered.forEach((row, i) => {
        row.cells[0].textContent = String(i + 1);
        row.cells[0].dataset.value = String(i + 1);
        body.append(row);
      });
      body.append(...members[t].filter((row) => row.hidden));
      markSorted(table, column, direction);
      const inView = (view.base === "" || sections[t].dataset.root === view.base) && visible.length > 0;
      sections[t].hidden = !inView;
      if (inView) shown += visible.length;
    });
    count.textContent = `${shown} of ${total} descendants`;
    empty.hidden = shown > 0;
  };
  const showControls = () => {
    base.value = view.base;
    relation.value = view.relation;
  };
  const change = (next: Partial<LineageView>) => {
    view = { ...view, ...next };
    render();
    const params = paramsFromLineageView(view).toString();
    history.replaceState(null, "", `${location.pathname}${params ? `?${params}` : ""}${location.hash}`);
  };

  showControls();
  render();
  base.addEventListener("change", () => change({ base: base.value }), { signal });
  relation.addEventListener("change", () => change({ relation: relation.value }), { signal });
  for (const reset of resets) {
    reset.addEventListener(
      "click",
      () => {
        view = { ...DEFAULT_LINEAGE_VIEW };
        showControls();
        change({});
      },
      { signal },
    );
  }
  base.form?.addEventListener("submit", (event) => event.preventDefault(), { signal });
  // the tables' own buttons go with the tables when they are drawn anew
  for (const table of tables) listenForSorts(table, (column, direction) => change({ sort: keys[column], dir: direction === "descending" ? "desc" : "asc" }));
  return () => wired.abort();
}
