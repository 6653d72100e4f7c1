/** At most this many pages of `GET /api/leaderboard` (a page holds every model the service returns at once). */
const MAX_PAGES = 20;

/**
 * The entries of the service's leaderboard (`GET {service}/api/leaderboard`, docs/api.md),
 * following `next_cursor` while there is one (up to MAX_PAGES, never a cursor twice); what the
 * pages gave when a later one fails; null when the service does not answer at all.
 */
export async function fetchLeaderboard(service: string, fetchImpl: typeof fetch = fetch): Promise<unknown[] | null> {
  const entries: unknown[] = [];
  const cursors = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    let body: { entries?: unknown; next_cursor?: unknown };
    try {
      const response = await fetchImpl(`${service}/api/leaderboard${cursor === null ? "" : `?cursor=${encodeURIComponent(cursor)}`}`, { headers: { accept: "application/json" } });
      if (!response.ok) break;
      body = await response.json();
    } catch {
      break;
    }
    if (typeof body !== "object" || body === null || !Array.isArray(body.entries)) break;
    entries.push(...body.entries);
    cursor = typeof body.next_cursor === "string" && body.next_cursor !== "" ? body.next_cursor : null;
    if (cursor === null) return entries;
    if (cursors.has(cursor)) break;
    cursors.add(cursor);
  }
  return entries.length > 0 || cursors.size > 0 ? entries : null;
}
