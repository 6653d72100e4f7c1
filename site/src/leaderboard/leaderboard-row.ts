import { isHubId } from "#shared/lineage";
import { type Num, ROW_COUNTS, ROW_SUMMARY_KEYS, type RowSummary, rowSummary, type SummaryMetrics } from "#shared/report";
import { exact, html, type Html } from "../card/html.ts";
import { sortButton } from "../card/sort-button.ts";
import type { ReportHead } from "../lib/catalog-types.ts";
import { formatDate } from "../lib/format-date.ts";
import { formatMetric, formatParameters, alphaVerdict } from "#shared/format";
import { sizeBracket } from "../lib/size-bracket.ts";
import { RANKING, SUMMARY_ROWS } from "../lib/summary-rows.ts";
import { groupByFamily } from "./group-by-family.ts";
import { searchText } from "./search-text.ts";

/** One model on the leaderboard, from a staged report (the build) or an API entry (hydration): who it is, and its summary as a report row carries it. */
export interface LeaderboardRow extends RowSummary {
  id: string;
  source: "hub" | "local";
  href: string;
  family: string | null;
  parameters: number;
  sha: string | null;
  revision: string | null;
  created_at: string;
}

export interface LeaderboardColumn {
  key: string;
  label: string;
  title?: string;
  type: "num" | "text";
  order?: "desc";
}

/** The leaderboard's columns; `#` is the position in the current view, so it is not a sort of its own. */
export const LEADERBOARD_COLUMNS: readonly LeaderboardColumn[] = [
  { key: "rank", label: "#", title: "rank in this view", type: "num" },
  { key: "model", label: "model", type: "text" },
  { key: "family", label: "family", type: "text" },
  // the reference's means over the layers, as the card's summary lists them
  ...SUMMARY_ROWS.map(({ key, label, note }) => ({ key, label, title: `mean over the layers of ${key} (${note})`, type: "num" as const })),
  { key: "layers", label: "layers", title: "layers analysed", type: "num", order: "desc" },
  { key: "failed", label: "failed", title: "layers that could not be analysed", type: "num", order: "desc" },
  { key: "parameters", label: "params", type: "num", order: "desc" },
  { key: "revision", label: "revision", type: "text" },
  { key: "date", label: "date", title: "when the report was made", type: "text", order: "desc" },
];

/** A staged report's row; its card is the static page at `/{slug}/`. */
export function rowFromHead(head: ReportHead, slug: string): LeaderboardRow {
  return {
    id: head.model.id,
    source: head.model.source,
    href: `/${slug}/`,
    family: head.model.family,
    parameters: head.model.parameters,
    sha: head.model.sha,
    revision: head.model.revision,
    created_at: head.created_at,
    ...rowSummary(head.summary),
  };
}

const isNum = (v: unknown): v is Num => v === null || (typeof v === "number" && Number.isFinite(v));
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const SHA = /^[0-9a-f]{40}$/;
const isRowCount = (key: string) => (ROW_COUNTS as readonly string[]).includes(key);

/**
 * The row of a `GET /api/leaderboard` entry (functions/kv/report-row.ts), or null when the entry
 * is not one: the id must be a Hub id (its link is `/{id}`, where the service serves the card).
 */
export function rowFromEntry(entry: unknown): LeaderboardRow | null {
  if (!isObject(entry) || !isObject(entry.summary)) return null;
  const { id, sha, family, parameters, created_at: createdAt, summary: s } = entry;
  if (typeof id !== "string" || !isHubId(id) || typeof sha !== "string" || !SHA.test(sha) || !(family === null || typeof family === "string")) return null;
  if (typeof parameters !== "number" || !Number.isFinite(parameters) || parameters < 0) return null;
  if (typeof createdAt !== "string" || Number.isNaN(Date.parse(createdAt))) return null;
  if (!ROW_SUMMARY_KEYS.every((k) => (isRowCount(k) ? isCount(s[k]) : isNum(s[k])))) return null;
  return {
    id,
    source: "hub",
    href: `/${id.split("/").map(encodeURIComponent).join("/")}`,
    family,
    parameters,
    sha,
    revision: null,
    created_at: createdAt,
    ...(Object.fromEntries(ROW_SUMMARY_KEYS.map((k) => [k, s[k]])) as RowSummary),
  };
}

/** The leaderboard's base order: log α-norm ascending, models without a finite one last, then by id. */
export function compareRows(a: LeaderboardRow, b: LeaderboardRow): number {
  const metric = (r: LeaderboardRow) => r[RANKING] ?? Number.POSITIVE_INFINITY;
  return metric(a) - metric(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const num = (v: Num) => (v === null ? "" : String(v));
/** decimals of a mean in its cell (3 unless named) */
const DIGITS: Partial<Record<keyof SummaryMetrics, number>> = { alpha: 2, stable_rank: 2 };

/** A mean's cell: the ranking metric in bold, α with its reading (over the fits that succeeded) as a dot. */
function metricCell(row: LeaderboardRow, key: keyof SummaryMetrics): Html {
  const value = row[key];
  const shown = formatMetric(value, DIGITS[key] ?? 3);
  if (key === RANKING) return html`<td data-value="${num(value)}"><strong>${shown}</strong></td>`;
  if (key !== "alpha") return html`<td data-value="${num(value)}">${shown}</td>`;
  const reading = alphaVerdict(row.successful_fit_alpha);
  return html`<td data-value="${num(value)}" title="${reading.label} (mean over successful fits: ${formatMetric(row.successful_fit_alpha, 2)})"><span class="verdict-dot ${
    reading.verdict
  }" aria-hidden="true"></span>${shown}<span class="visually-hidden">(${reading.label})</span></td>`;
}

/** One model's row; `rank` is its position in the view it is shown in. */
export function leaderboardRow(row: LeaderboardRow, rank: number): Html {
  const family = row.family ?? "";
  return html`<tr data-model="${exact(row.id)}" data-source="${row.source}" data-created-at="${row.created_at}" data-family="${exact(family)}" data-size="${sizeBracket(row.parameters).key}" data-search="${exact(
    searchText(`${row.id} ${family}`),
  )}"><td data-value="${rank}">${rank}</td><td class="text sticky-col name" data-value="${exact(row.id)}" title="${row.id}"><a href="${row.href}">${row.id}</a></td><td class="text clip" data-value="${exact(
    family,
  )}"${row.family !== null && html` title="${row.family}"`}>${row.family === null ? html`<span class="muted">—</span>` : row.family}</td>${SUMMARY_ROWS.map(({ key }) => metricCell(row, key))}<td data-value="${
    row.layers_analysed
  }">${row.layers_analysed}</td><td data-value="${row.layers_failed}"${row.layers_failed > 0 && html` class="num-bad"`}>${row.layers_failed}</td><td data-value="${row.parameters}">${formatParameters(
    row.parameters,
  )}</td><td class="text mono" data-value="${exact(row.sha ?? row.revision ?? "")}"${row.sha !== null && html` title="${row.sha}"`}>${
    row.sha ? row.sha.slice(0, 7) : (row.revision ?? "local")
  }</td><td class="text" data-value="${row.created_at}"><time datetime="${row.created_at}">${formatDate(row.created_at)}</time></td></tr>`;
}

/** The heading row of a family's section in the grouped view. */
export function groupHeadRow(family: string | null, count: number): Html {
  return html`<tr class="group-row"><th scope="rowgroup" colspan="${LEADERBOARD_COLUMNS.length}" class="text"><span class="group-label">${family ?? "other: no family"}</span> <span class="muted small">${count} ${
    count === 1 ? "model" : "models"
  }</span></th></tr>`;
}

/** The column headers, the default sort (log α-norm, ascending) marked. */
export function leaderboardHead(): Html {
  return html`<thead><tr>${LEADERBOARD_COLUMNS.map(
    (c) =>
      html`<th scope="col"${c.type === "text" && html` class="text${c.key === "model" ? " sticky-col" : ""}"`} data-key="${c.key}" data-type="${c.type}"${c.order && html` data-order="${c.order}"`}${
        c.key === RANKING && html` aria-sort="ascending"`
      }${c.key === "rank" && c.title && html` title="${c.title}"`}>${c.key === "rank" ? c.label : sortButton(c.label, c.title)}</th>`,
  )}</tr></thead>`;
}

/** The static leaderboard: the default view, one ranked section per family, rows ranked within it. */
export function leaderboardTable(rows: readonly LeaderboardRow[]): string {
  const groups = groupByFamily([...rows].sort(compareRows), (r) => r.family);
  return html`<table class="data" data-leaderboard>${leaderboardHead()}${groups.map(
    (g) => html`<tbody>${groupHeadRow(g.family, g.rows.length)}${g.rows.map((row, i) => leaderboardRow(row, i + 1))}</tbody>`,
  )}</table>`.markup;
}
