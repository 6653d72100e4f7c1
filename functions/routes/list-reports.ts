import { ApiError } from "../http/api-error.ts";
import { listReportRows } from "../kv/report-store.ts";
import { readLimit } from "./read-limit.ts";
import type { AppContext } from "./route-types.ts";

const MAX_CURSOR_LENGTH = 1024;

/** GET /api/reports?cursor=&limit=: every stored report, a page at a time, for the site build. */
export async function listReports(c: AppContext): Promise<Response> {
  const limit = readLimit(c.req.query("limit"), 100);
  const cursor = c.req.query("cursor") || undefined;
  if (cursor !== undefined && cursor.length > MAX_CURSOR_LENGTH) throw new ApiError(400, "invalid_request", "the cursor is not one this API gave out");
  const { rows, nextCursor } = await listReportRows(c.env.REPORTS, cursor, limit);
  return c.json({ reports: rows, next_cursor: nextCursor }, 200, { "cache-control": "no-store" });
}
