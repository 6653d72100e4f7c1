import type { Html } from "../card/html.ts";
import { fetchLeaderboard } from "../leaderboard/fetch-leaderboard.ts";
import { groupByFamily } from "../leaderboard/group-by-family.ts";
import { groupHeadRow, leaderboardRow, rowFromEntry } from "../leaderboard/leaderboard-row.ts";
import { searchText } from "../leaderboard/search-text.ts";
import { revealInvisible } from "../lib/reveal-invisible.ts";
import { SIZE_BRACKETS, sizeBracket } from "../lib/size-bracket.ts";
import { compareSortValues, listenForSorts, markSorted, type SortDirection } from "./sort-table.ts";

/**
 * The leaderboard's view: search, family and size filters, one ranking per family or one for all
 * models, and the sort column, kept in the URL (`?family=llama&size=1b-10b&q=chat&group=all&sort=alpha&dir=desc`)
 * so a view can be shared.
 */
export interface LeaderboardView {
  q: string;
  family: string;
  size: string;
  /** "family": one ranked section per family, since the metrics compare models within a series */
  group: "family" | "all";
  sort: string;
  dir: "asc" | "desc";
}

export const DEFAULT_VIEW: LeaderboardView = { q: "", family: "", size: "", group: "family", sort: "log_alpha_norm", dir: "asc" };

/** Reads a view from URL parameters; unknown values fall back to the default. */
export function viewFromParams(params: URLSearchParams, allowed: { families: string[]; sizes: string[]; sorts: string[] }): LeaderboardView {
  const pick = (value: string | null, options: string[], fallback: string) => (value !== null && options.includes(value) ? value : fallback);
  return {
    q: params.get("q") ?? "",
    family: pick(params.get("family"), allowed.families, ""),
    size: pick(params.get("size"), allowed.sizes, ""),
    group: params.get("group") === "all" ? "all" : "family",
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
  if (view.group !== DEFAULT_VIEW.group) params.set("group", view.group);
  if (view.sort !== DEFAULT_VIEW.sort || view.dir !== DEFAULT_VIEW.dir) params.set("sort", view.sort);
  if (view.dir !== DEFAULT_VIEW.dir) params.set("dir", view.dir);
  return params;
}

const rowElement = (markup: Html) => {
  const holder = document.createElement("template");
  holder.innerHTML = markup.markup;
  return holder.content.firstElementChild as HTMLTableRowElement;
};

/** Adds an option to a filter unless it has it, in order (`rank` gives an option's place; text order by default). */
function addOption(select: HTMLSelectElement, value: string, label: string, rank: (value: string) => number = () => 0): void {
  const options = [...select.options].filter((o) => o.value !== "");
  if (options.some((o) => o.value === value)) return;
  const option = new Option(label, value);
  const before = options.find((o) => rank(o.value) > rank(value) || (rank(o.value) === rank(value) && o.value > value));
  select.insertBefore(option, before ?? null);
}

/**
 * Wires the leaderboard's controls to its table, and adds the models the service analysed since
 * the build (`GET /api/leaderboard`; `data-service` on the root, or the page's own origin). Rows
 * are the build's and the service's, both drawn by leaderboardRow; `#` is a row's place in the
 * view, counted again whenever the view changes.
 */
export function mountLeaderboard(root: HTMLElement): void {
  const table = root.querySelector<HTMLTableElement>("table[data-leaderboard]")!;
  const search = root.querySelector<HTMLInputElement>("input[name=q]")!;
  const family = root.querySelector<HTMLSelectElement>("select[name=family]")!;
  const size = root.querySelector<HTMLSelectElement>("select[name=size]")!;
  const group = root.querySelector<HTMLSelectElement>("select[name=group]")!;
  const count = root.querySelector<HTMLElement>("[data-count]")!;
  const empty = root.querySelector<HTMLElement>("[data-empty]")!;
  const resets = root.querySelectorAll<HTMLButtonElement>("button[data-reset]");
  const service = root.dataset.service || location.origin;
  const headers = [...table.tHead!.rows[0].cells];
  const keys = headers.map((h) => h.dataset.key ?? "");
  const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.value).filter((v) => v !== "");
  const allowed = () => ({ families: options(family), sizes: options(size), sorts: headers.filter((h) => h.querySelector("button.sort")).map((h) => h.dataset.key ?? "") });
  let rows = [...table.querySelectorAll<HTMLTableRowElement>("tbody tr[data-model]")];
  let view = viewFromParams(new URLSearchParams(location.search), allowed());

  const value = (row: HTMLTableRowElement, key: string) => row.cells[keys.indexOf(key)]?.dataset.value ?? "";
  const byRank = (a: HTMLTableRowElement, b: HTMLTableRowElement) => {
    const [x, y] = [value(a, "model"), value(b, "model")];
    return compareSortValues(value(a, "log_alpha_norm"), value(b, "log_alpha_norm"), true, "ascending") || (x < y ? -1 : x > y ? 1 : 0);
  };
  const showControls = () => {
    search.value = view.q;
    family.value = view.family;
    size.value = view.size;
    group.value = view.group;
  };
  const render = () => {
    const q = searchText(view.q.trim());
    const visible = rows.filter(
      (row) =>
        (view.family === "" || row.dataset.family === view.family) &&
        (view.size === "" || row.dataset.size === view.size) &&
        (q === "" || (row.dataset.search ?? "").includes(q)),
    );
    const column = keys.indexOf(view.sort);
    const direction: SortDirection = view.dir === "desc" ? "descending" : "ascending";
    const numeric = headers[column].dataset.type === "num";
    // sorts are stable: rows the sort column does not tell apart stay in rank order
    const ordered = [...visible].sort(byRank).sort((a, b) => compareSortValues(value(a, view.sort), value(b, view.sort), numeric, direction));
    const groups = view.group === "family" ? groupByFamily(ordered, (row) => row.dataset.family || null) : [{ family: null, rows: ordered }];
    for (const body of [...table.tBodies]) body.remove();
    for (const g of groups) {
      const body = table.createTBody();
      if (view.group === "family") body.append(rowElement(groupHeadRow(g.family, g.rows.length)));
      g.rows.forEach((row, i) => {
        row.cells[0].textContent = String(i + 1);
        row.cells[0].dataset.value = String(i + 1);
        body.append(row);
      });
    }
    markSorted(table, column, direction);
    count.textContent = `${visible.length} of ${rows.length} models`;
    empty.hidden = visible.length > 0;
  };
  const remember = () => {
    const params = paramsFromView(view).toString();
    history.replaceState(null, "", `${location.pathname}${params ? `?${params}` : ""}${location.hash}`);
  };
  const change = (next: Partial<LeaderboardView>) => {
    view = { ...view, ...next };
    render();
    remember();
  };

  showControls();
  render();

  search.addEventListener("input", () => change({ q: search.value }));
  family.addEventListener("change", () => change({ family: family.value }));
  size.addEventListener("change", () => change({ size: size.value }));
  group.addEventListener("change", () => change({ group: group.value === "all" ? "all" : "family" }));
  for (const reset of resets) {
    reset.addEventListener("click", () => {
      view = { ...DEFAULT_VIEW };
      showControls();
      render();
      remember();
    });
  }
  // the search filters as one types; Enter must not reload the page
  search.form?.addEventListener("submit", (event) => event.preventDefault());
  listenForSorts(table, (column, direction) => change({ sort: keys[column], dir: direction === "descending" ? "desc" : "asc" }));

  void fetchLeaderboard(service).then((entries) => {
    let changed = false;
    for (const entry of entries ?? []) {
      const row = rowFromEntry(entry);
      if (!row) continue;
      const at = rows.findIndex((r) => r.dataset.source === "hub" && r.dataset.model === row.id);
      if (at >= 0 && !(Date.parse(row.created_at) > Date.parse(rows[at].dataset.createdAt ?? ""))) continue;
      const element = rowElement(leaderboardRow(row, 0));
      if (at >= 0) rows[at] = element;
      else rows = [...rows, element];
      if (row.family !== null) addOption(family, row.family, revealInvisible(row.family));
      const bracket = sizeBracket(row.parameters);
      addOption(size, bracket.key, bracket.label, (key) => SIZE_BRACKETS.findIndex((b) => b.key === key));
      changed = true;
    }
    if (!changed) return;
    // the address may name a family or size only the service's models have
    view = viewFromParams(new URLSearchParams(location.search), allowed());
    showControls();
    render();
  });
}
