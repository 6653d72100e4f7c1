import { isHubId } from "#shared/lineage";
import type { Num } from "#shared/report";
import { exact, html, type Html } from "../card/html.ts";
import { sortButton } from "../card/sort-button.ts";
import type { ReportHead } from "../lib/catalog-types.ts";
import { formatDate } from "../lib/format-date.ts";
import { formatMetric, formatParameters, alphaVerdict } from "#shared/format";
import { sizeBracket } from "../lib/size-bracket.ts";
import { groupByFamily } from "./group-by-family.ts";
import { searchText } from "./search-text.ts";

/** One model on the leaderboard, from a staged report (the build) or an API entry (hydration). */
export interface LeaderboardRow {
  id: string;
  source: "hub" | "local";
  href: string;
  family: string | null;
  parameters: number;
  sha: string | null;
  revision: string | null;
  created_at: string;
  log_alpha_norm: Num;
  alpha: Num;
  alpha_weighted: Num;
  log_spectral_norm: Num;
  log_norm: Num;
  stable_rank: Num;
  successful_fit_alpha: Num;
  layers_analysed: number;
  layers_failed: number;
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
  { key: "log_alpha_norm", label: "log α-norm", title: "mean log10 Σλ^α over layers; lower is better within a series", type: "num" },
  { key: "alpha", label: "mean α", title: "mean power-law exponent (the reference's mean)", type: "num" },
  { key: "alpha_weighted", label: "α̂", title: "mean α·log10 λmax (alpha_weighted)", type: "num" },
  { key: "log_spectral_norm", label: "log spectral", title: "mean log10 λmax", type: "num" },
  { key: "log_norm", label: "log Frobenius", title: "mean log10 Σλ (log_norm)", type: "num" },
  { key: "stable_rank", label: "stable rank", title: "mean Σλ/λmax", type: "num" },
  { key: "layers", label: "layers", title: "layers analysed", type: "num", order: "desc" },
  { key: "failed", label: "failed", title: "layers that could not be analysed", type: "num", order: "desc" },
  { key: "parameters", label: "params", type: "num", order: "desc" },
  { key: "revision", label: "revision", type: "text" },
  { key: "date", label: "date", title: "when the report was made", type: "text", order: "desc" },
];

/** A staged report's row; its card is the static page at `/{slug}/`. */
export function rowFromHead(head: ReportHead, slug: string): LeaderboardRow {
  const s = head.summary;
  return {
    id: head.model.id,
    source: head.model.source,
    href: `/${slug}/`,
    family: head.model.family,
    parameters: head.model.parameters,
    sha: head.model.sha,
    revision: head.model.revision,
    created_at: head.created_at,
    log_alpha_norm: s.reference.log_alpha_norm,
    alpha: s.reference.alpha,
    alpha_weighted: s.reference.alpha_weighted,
    log_spectral_norm: s.reference.log_spectral_norm,
    log_norm: s.reference.log_norm,
    stable_rank: s.reference.stable_rank,
    successful_fit_alpha: s.successful_fits.alpha,
    layers_analysed: s.layers_analysed,
    layers_failed: s.layers_failed,
  };
}

const isNum = (v: unknown): v is Num => v === null || (typeof v === "number" && Number.isFinite(v));
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const SHA = /^[0-9a-f]{40}$/;

/**
 * The row of a `GET /api/leaderboard` entry (functions/kv/report-row.ts), or null when the entry
 * is not one: the id must be a Hub id (its link is `/{id}`, where the service serves the card).
 */
export function rowFromEntry(entry: unknown): LeaderboardRow | null {
  if (!isObject(entry) || !isObject(entry.summary)) return null;
  const { id, sha, family, parameters, created_at: createdAt, summary: s } = entry;
  const metrics = ["log_alpha_norm", "alpha", "alpha_weighted", "log_spectral_norm", "log_norm", "stable_rank", "successful_fit_alpha"] as const;
  if (typeof id !== "string" || !isHubId(id) || typeof sha !== "string" || !SHA.test(sha) || !(family === null || typeof family === "string")) return null;
  if (typeof parameters !== "number" || !Number.isFinite(parameters) || parameters < 0) return null;
  if (typeof createdAt !== "string" || Number.isNaN(Date.parse(createdAt))) return null;
  if (!metrics.every((k) => isNum(s[k])) || !isCount(s.layers_analysed) || !isCount(s.layers_failed)) return null;
  const num = (k: (typeof metrics)[number]) => s[k] as Num;
  return {
    id,
    source: "hub",
    href: `/${id.split("/").map(encodeURIComponent).join("/")}`,
    family,
    parameters,
    sha,
    revision: null,
    created_at: createdAt,
    log_alpha_norm: num("log_alpha_norm"),
    alpha: num("alpha"),
    alpha_weighted: num("alpha_weighted"),
    log_spectral_norm: num("log_spectral_norm"),
    log_norm: num("log_norm"),
    stable_rank: num("stable_rank"),
    successful_fit_alpha: num("successful_fit_alpha"),
    layers_analysed: s.layers_analysed as number,
    layers_failed: s.layers_failed as number,
  };
}

/** The leaderboard's base order: log α-norm ascending, models without a finite one last, then by id. */
export function compareRows(a: LeaderboardRow, b: LeaderboardRow): number {
  const metric = (r: LeaderboardRow) => r.log_alpha_norm ?? Number.POSITIVE_INFINITY;
  return metric(a) - metric(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const num = (v: Num) => (v === null ? "" : String(v));

/** One model's row; `rank` is its position in the view it is shown in. */
export function leaderboardRow(row: LeaderboardRow, rank: number): Html {
  const reading = alphaVerdict(row.successful_fit_alpha);
  const family = row.family ?? "";
  return html`<tr data-model="${exact(row.id)}" data-source="${row.source}" data-created-at="${row.created_at}" data-family="${exact(family)}" data-size="${sizeBracket(row.parameters).key}" data-search="${exact(
    searchText(`${row.id} ${family}`),
  )}"><td data-value="${rank}">${rank}</td><td class="text sticky-col name" data-value="${exact(row.id)}" title="${row.id}"><a href="${row.href}">${row.id}</a></td><td class="text clip" data-value="${exact(
    family,
  )}"${row.family !== null && html` title="${row.family}"`}>${row.family === null ? html`<span class="muted">—</span>` : row.family}</td><td data-value="${num(row.log_alpha_norm)}"><strong>${formatMetric(
    row.log_alpha_norm,
    3,
  )}</strong></td><td data-value="${num(row.alpha)}" title="${reading.label} (mean over successful fits: ${formatMetric(row.successful_fit_alpha, 2)})"><span class="verdict-dot ${
    reading.verdict
  }" aria-hidden="true"></span>${formatMetric(row.alpha, 2)}<span class="visually-hidden">(${reading.label})</span></td><td data-value="${num(row.alpha_weighted)}">${formatMetric(
    row.alpha_weighted,
    3,
  )}</td><td data-value="${num(row.log_spectral_norm)}">${formatMetric(row.log_spectral_norm, 3)}</td><td data-value="${num(row.log_norm)}">${formatMetric(row.log_norm, 3)}</td><td data-value="${num(
    row.stable_rank,
  )}">${formatMetric(row.stable_rank, 2)}</td><td data-value="${row.layers_analysed}">${row.layers_analysed}</td><td data-value="${row.layers_failed}"${
    row.layers_failed > 0 && html` class="num-bad"`
  }>${row.layers_failed}</td><td data-value="${row.parameters}">${formatParameters(row.parameters)}</td><td class="text mono" data-value="${exact(row.sha ?? row.revision ?? "")}"${
    row.sha !== null && html` title="${row.sha}"`
  }>${row.sha ? row.sha.slice(0, 7) : (row.revision ?? "local")}</td><td class="text" data-value="${row.created_at}"><time datetime="${row.created_at}">${formatDate(row.created_at)}</time></td></tr>`;
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
        c.key === "log_alpha_norm" && html` aria-sort="ascending"`
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
