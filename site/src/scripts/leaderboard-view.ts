import { enableSorting, sortTable, type SortDirection } from "./sort-table.ts";

/**
 * The leaderboard's view: search, family and size filters and the sort column, kept in the URL
 * (`?family=llama&size=1b-10b&q=chat&sort=alpha&dir=desc`) so a view can be shared.
 */
export interface LeaderboardView {
  q: string;
  family: string;
  size: string;
  sort: string;
  dir: "asc" | "desc";
}

export const DEFAULT_VIEW: LeaderboardView = { q: "", family: "", size: "", sort: "log_alpha_norm", dir: "asc" };

/** Reads a view from URL parameters; unknown values fall back to the default. */
export function viewFromParams(params: URLSearchParams, allowed: { families: string[]; sizes: string[]; sorts: string[] }): LeaderboardView {
  const pick = (value: string | null, options: string[], fallback: string) => (value !== null && options.includes(value) ? value : fallback);
  return {
    q: params.get("q") ?? "",
    family: pick(params.get("family"), allowed.families, ""),
    size: pick(params.get("size"), allowed.sizes, ""),
    sort: pick(params.get("sort"), allowed.sorts, DEFAULT_VIEW.sort),
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

/** The URL parameters of a view, leaving out what is the default. */
export function paramsFromView(view: LeaderboardView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.family) params.set("family", view.family);
  if (view.size) params.set("size", view.size);
  if (view.sort !== DEFAULT_VIEW.sort || view.dir !== DEFAULT_VIEW.dir) params.set("sort", view.sort);
  if (view.dir !== DEFAULT_VIEW.dir) params.set("dir", view.dir);
  return params;
}

/** Text as the search compares it: case-folded, compatibility-normalised, invisible marks removed. */
export function searchText(text: string): string {
  return text.normalize("NFKC").replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "").toLowerCase();
}

/** Wires the leaderboard's controls to its table. */
export function mountLeaderboard(root: HTMLElement): void {
  const table = root.querySelector<HTMLTableElement>("table[data-leaderboard]")!;
  const search = root.querySelector<HTMLInputElement>("input[name=q]")!;
  const family = root.querySelector<HTMLSelectElement>("select[name=family]")!;
  const size = root.querySelector<HTMLSelectElement>("select[name=size]")!;
  const count = root.querySelector<HTMLElement>("[data-count]")!;
  const empty = root.querySelector<HTMLElement>("[data-empty]")!;
  const resets = root.querySelectorAll<HTMLButtonElement>("button[data-reset]");
  const headers = [...table.tHead!.rows[0].cells];
  const keys = headers.map((h) => h.dataset.key ?? "");
  const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.value).filter((v) => v !== "");
  const allowed = { families: options(family), sizes: options(size), sorts: keys.filter((k) => k !== "") };
  let view = viewFromParams(new URLSearchParams(location.search), allowed);

  const render = () => {
    const q = searchText(view.q.trim());
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const visible =
        (view.family === "" || row.dataset.family === view.family) &&
        (view.size === "" || row.dataset.size === view.size) &&
        (q === "" || (row.dataset.search ?? "").includes(q));
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `${shown} of ${table.tBodies[0].rows.length} models`;
    empty.hidden = shown > 0;
  };
  const remember = () => {
    const params = paramsFromView(view).toString();
    history.replaceState(null, "", `${location.pathname}${params ? `?${params}` : ""}${location.hash}`);
  };
  const applySort = () => {
    const direction: SortDirection = view.dir === "desc" ? "descending" : "ascending";
    sortTable(table, keys.indexOf(view.sort), direction);
  };

  search.value = view.q;
  family.value = view.family;
  size.value = view.size;
  applySort();
  render();

  search.addEventListener("input", () => {
    view = { ...view, q: search.value };
    render();
    remember();
  });
  for (const [select, key] of [[family, "family"], [size, "size"]] as const) {
    select.addEventListener("change", () => {
      view = { ...view, [key]: select.value };
      render();
      remember();
    });
  }
  for (const reset of resets) {
    reset.addEventListener("click", () => {
      view = { ...DEFAULT_VIEW };
      search.value = family.value = size.value = "";
      applySort();
      render();
      remember();
    });
  }
  // the search filters as one types; Enter must not reload the page
  search.form?.addEventListener("submit", (event) => event.preventDefault());
  enableSorting(table, (column, direction) => {
    view = { ...view, sort: keys[column], dir: direction === "descending" ? "desc" : "asc" };
    remember();
  });
}
