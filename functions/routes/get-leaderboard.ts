import { ApiError } from "../http/api-error.ts";
import { listLatestRows } from "../kv/report-store.ts";
import { readLimit } from "./read-limit.ts";
import type { AppContext } from "./route-types.ts";
import { SORT_KEYS, sortRows, type SortKey } from "./sort-rows.ts";

/** GET /api/leaderboard?family=&sort=&order=&limit=: latest report per model, by log α-norm ascending by default. */
export async function getLeaderboard(c: AppContext): Promise<Response> {
  const sort = (c.req.query("sort") || "log_alpha_norm") as SortKey;
  if (!SORT_KEYS.includes(sort)) throw new ApiError(400, "invalid_request", `sort must be one of ${SORT_KEYS.join(", ")}`);
  const order = c.req.query("order") || "asc";
  if (order !== "asc" && order !== "desc") throw new ApiError(400, "invalid_request", "order must be asc or desc");
  const family = c.req.query("family") || null;
  const limit = readLimit(c.req.query("limit"), Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const rows = (await listLatestRows(c.env.REPORTS)).filter((r) => family === null || r.family === family);
  const entries = sortRows(rows, sort, order)
    .slice(0, limit)
    .map((row, i) => ({ rank: i + 1, ...row }));
  return c.json({ sort, order, family, entries }, 200, { "cache-control": "public, max-age=60" });
}
