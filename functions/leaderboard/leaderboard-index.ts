import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env.ts";
import { listLatestRows } from "../kv/report-store.ts";
import type { ReportRow } from "#shared/report";
import { SORT_KEYS, type SortKey } from "./sort-keys.ts";

export interface LeaderboardQuery {
  family: string | null;
  /** a base's id, any case: only the models whose report names it first (row.base) */
  base: string | null;
  /** a piece of the model id or family, any case */
  q: string | null;
  sort: SortKey;
  order: "asc" | "desc";
  limit: number;
  offset: number;
}

export interface LeaderboardPage {
  /** models matching the query, over all pages */
  total: number;
  entries: (ReportRow & { rank: number })[];
  /** the offset of the next page, null on the last one */
  next: number | null;
}

/**
 * The leaderboard: every model's latest report row in one SQLite table (one object for the whole
 * service), so a page of any view is one indexed query however many models there are, and a new
 * report is on the board the moment its job finishes. KV's `latest:` pointers stay the source of
 * truth; an index that was never built (a new deployment of an old store) is built from them once.
 */
export class LeaderboardIndex extends DurableObject<Env> {
  private built: boolean;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    const columns = SORT_KEYS.filter((k) => k !== "created_at").map((k) => `${k} REAL`).join(", ");
    sql.exec(`CREATE TABLE IF NOT EXISTS models (id TEXT PRIMARY KEY, family TEXT, base TEXT, created_at TEXT NOT NULL, row TEXT NOT NULL, ${columns})`);
    // a board built before rows carried their base gains the column; its old rows have none until re-analysed
    if (!sql.exec("PRAGMA table_info(models)").toArray().some((c) => c.name === "base")) sql.exec("ALTER TABLE models ADD COLUMN base TEXT");
    sql.exec("CREATE INDEX IF NOT EXISTS models_by_norm ON models (log_alpha_norm)");
    sql.exec("CREATE INDEX IF NOT EXISTS models_by_family ON models (family, log_alpha_norm)");
    sql.exec("CREATE INDEX IF NOT EXISTS models_by_base ON models (base, log_alpha_norm)");
    sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
    this.built = sql.exec("SELECT value FROM meta WHERE key = 'built'").toArray().length > 0;
  }

  /** Puts a model's latest row on the board (replacing its previous one). */
  async upsert(row: ReportRow): Promise<void> {
    await this.build();
    this.write(row);
  }

  async query(query: LeaderboardQuery): Promise<LeaderboardPage> {
    await this.build();
    const where: string[] = [];
    const bindings: (string | number)[] = [];
    if (query.family !== null) {
      where.push("family = ?");
      bindings.push(query.family);
    }
    if (query.base !== null) {
      // stored lower-cased: the Hub matches ids without case, and so does a family's lookup
      where.push("base = ?");
      bindings.push(query.base.toLowerCase());
    }
    if (query.q !== null) {
      // LIKE with the pattern's own wildcards escaped: the user's text is matched as text
      where.push("(lower(id) LIKE ? ESCAPE '\\' OR lower(coalesce(family, '')) LIKE ? ESCAPE '\\')");
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      bindings.push(pattern, pattern);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const sql = this.ctx.storage.sql;
    const total = Number(sql.exec(`SELECT count(*) AS n FROM models ${filter}`, ...bindings).one().n);
    // SORT_KEYS are the only names that reach the statement; models without a value go last either way
    const column = SORT_KEYS.includes(query.sort) ? query.sort : "log_alpha_norm";
    const direction = query.order === "desc" ? "DESC" : "ASC";
    const rows = sql
      .exec(`SELECT row FROM models ${filter} ORDER BY (${column} IS NULL), ${column} ${direction}, id LIMIT ? OFFSET ?`, ...bindings, query.limit, query.offset)
      .toArray();
    const entries = rows.map((r, i) => ({ rank: query.offset + i + 1, ...(JSON.parse(String(r.row)) as ReportRow) }));
    return { total, entries, next: query.offset + entries.length < total ? query.offset + entries.length : null };
  }

  /** The families on the board, largest first, with how many models each has. */
  async families(): Promise<{ family: string; models: number }[]> {
    await this.build();
    return this.ctx.storage.sql
      .exec("SELECT family, count(*) AS models FROM models WHERE family IS NOT NULL GROUP BY family ORDER BY models DESC, family")
      .toArray()
      .map((r) => ({ family: String(r.family), models: Number(r.models) }));
  }

  private write(row: ReportRow): void {
    const values = SORT_KEYS.map((k) => (k === "parameters" || k === "created_at" ? row[k] : row.summary[k]));
    this.ctx.storage.sql.exec(
      `INSERT OR REPLACE INTO models (id, family, base, row, ${SORT_KEYS.join(", ")}) VALUES (?, ?, ?, ?, ${SORT_KEYS.map(() => "?").join(", ")})`,
      row.id,
      row.family,
      row.base?.id.toLowerCase() ?? null,
      JSON.stringify(row),
      ...values,
    );
  }

  private async build(): Promise<void> {
    if (this.built) return;
    for (const row of await listLatestRows(this.env.REPORTS)) this.write(row);
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('built', ?)", new Date().toISOString());
    this.built = true;
  }
}
