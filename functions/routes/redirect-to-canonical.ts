import { canonicalSpelling } from "../kv/report-store.ts";
import type { AppContext } from "./route-types.ts";

/**
 * A 301 to the same path with the Hub's spelling of the id (`/badge/H/CASE.svg` → `/badge/h/Case.svg`)
 * when the service knows the id under another spelling; null when it does not.
 */
export async function redirectToCanonical(c: AppContext, prefix: string, id: string): Promise<Response | null> {
  const canonical = await canonicalSpelling(c.env.REPORTS, id);
  if (canonical === null) return null;
  const url = new URL(c.req.url);
  url.pathname = prefix + canonical + url.pathname.slice(prefix.length + id.length);
  return c.redirect(url.pathname + url.search, 301);
}
