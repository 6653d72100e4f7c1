import { ApiError } from "../http/api-error.ts";
import { leaderboard } from "../leaderboard/publish-report.ts";
import { SORT_KEYS, type SortKey } from "../leaderboard/sort-keys.ts";
import { readLimit } from "./read-limit.ts";
import type { AppContext } from "./route-types.ts";

const MAX_QUERY_LENGTH = 100;
// org and name of at most 96 characters each (the Hub's limit)
const MAX_ID_LENGTH = 193;
const MAX_OFFSET = 1_000_000;
// new reports show within this long; the board is one indexed query per page either way
const CACHE = "public, max-age=15";

/**
 * GET /api/leaderboard?family=&base=&q=&sort=&order=&limit=&cursor=: the latest report of every
 * model (or of those naming `base` as their base: a family's direct descendants), ranked (log
 * α-norm ascending by default), a page at a time with `next_cursor`.
 */
export async function getLeaderboard(c: AppContext): Promise<Response> {
  const sort = (c.req.query("sort") || "log_alpha_norm") as SortKey;
  if (!SORT_KEYS.includes(sort)) throw new ApiError(400, "invalid_request", `sort must be one of ${SORT_KEYS.join(", ")}`);
  const order = c.req.query("order") || "asc";
  if (order !== "asc" && order !== "desc") throw new ApiError(400, "invalid_request", "order must be asc or desc");
  const family = c.req.query("family") || null;
  const q = c.req.query("q") || null;
  const base = c.req.query("base") || null;
  if ([family, q].some((v) => (v?.length ?? 0) > MAX_QUERY_LENGTH)) throw new ApiError(400, "invalid_request", `family and q are at most ${MAX_QUERY_LENGTH} characters`);
  if ((base?.length ?? 0) > MAX_ID_LENGTH) throw new ApiError(400, "invalid_request", `base is a model id of at most ${MAX_ID_LENGTH} characters`);
  const limit = readLimit(c.req.query("limit"), 100);
  const cursor = c.req.query("cursor");
  const offset = cursor === undefined || cursor === "" ? 0 : Number(cursor);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw new ApiError(400, "invalid_request", "the cursor is not one this API gave out");
  const page = await leaderboard(c.env).query({ family, base, q, sort, order, limit, offset });
  return c.json(
    { sort, order, family, base, q, total: page.total, entries: page.entries, next_cursor: page.next === null ? null : String(page.next) },
    200,
    { "cache-control": CACHE },
  );
}

/** GET /api/leaderboard/families: the families on the board, largest first. */
export async function getLeaderboardFamilies(c: AppContext): Promise<Response> {
  return c.json({ families: await leaderboard(c.env).families() }, 200, { "cache-control": CACHE });
}
