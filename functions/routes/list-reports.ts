import { listReportRows } from "../kv/report-store.ts";
import { readCursor } from "./read-cursor.ts";
import { readLimit } from "./read-limit.ts";
import type { AppContext } from "./route-types.ts";

/** GET /api/reports?cursor=&limit=: every stored report, a page at a time, for the site build. */
export async function listReports(c: AppContext): Promise<Response> {
  const limit = readLimit(c.req.query("limit"), 100);
  const cursor = readCursor(c.req.query("cursor"));
  const { rows, nextCursor } = await listReportRows(c.env.REPORTS, cursor, limit);
  return c.json({ reports: rows, next_cursor: nextCursor }, 200, { "cache-control": "no-store" });
}
