import { listDerivedReports as listStored } from "../job/derived-report-store.ts";
import { readCursor } from "./read-cursor.ts";
import { readLimit } from "./read-limit.ts";
import type { AppContext } from "./route-types.ts";

/**
 * GET /api/derived-reports?cursor=&limit=: every stored analysis against a base (delta, with_base),
 * a page at a time, so a site built from the service draws the delta spectra of its compare pages.
 */
export async function listDerivedReports(c: AppContext): Promise<Response> {
  const limit = readLimit(c.req.query("limit"), 100);
  const cursor = readCursor(c.req.query("cursor"));
  const { rows, nextCursor } = await listStored(c.env.REPORTS, cursor, limit);
  return c.json({ reports: rows, next_cursor: nextCursor }, 200, { "cache-control": "no-store" });
}
