import { SiteBuildError } from "./build-error.ts";
import type { ReportText } from "./read-report-folder.ts";

interface ListedReport {
  key?: string;
  id: string;
  sha: string | null;
}

/** `org/name@sha` (or a derived key, `…@sha/delta/base-org/base@sha`) as a URL path: each segment encoded, `@` kept (the service's key syntax). */
const keyPath = (key: string) => key.split("/").map((s) => encodeURIComponent(s).replace(/%40/g, "@")).join("/");

/**
 * Every report the service stores: the lists from `GET /api/reports` and `GET /api/derived-reports`
 * (analyses against a base, which the compare pages draw; each following `next_cursor`), then each
 * document from `GET /api/reports/{key}`, a few at a time.
 */
export async function fetchServiceReports(
  base: string,
  options: { fetch?: typeof fetch; concurrency?: number; timeoutMs?: number } = {},
): Promise<ReportText[]> {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const get = async (url: string): Promise<string> => {
    let response: Response;
    try {
      response = await fetchFn(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new SiteBuildError("SERVICE_FETCH", `GET ${url} failed: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) throw new SiteBuildError("SERVICE_FETCH", `GET ${url} answered ${response.status}: ${text.slice(0, 200)}`, response.status);
    return text;
  };

  const listAll = async (listing: string): Promise<ListedReport[]> => {
    const listed: ListedReport[] = [];
    const cursors = new Set<string>();
    let cursor: string | null = null;
    do {
      const url = `${base}${listing}?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      let page: { reports?: unknown; next_cursor?: unknown };
      try {
        page = JSON.parse(await get(url));
      } catch (error) {
        if (error instanceof SiteBuildError) throw error;
        throw new SiteBuildError("SERVICE_FETCH", `GET ${url}: the answer is not JSON`);
      }
      if (!Array.isArray(page.reports)) throw new SiteBuildError("SERVICE_FETCH", `GET ${url}: expected { reports: [...] }`);
      listed.push(...(page.reports as ListedReport[]));
      cursor = typeof page.next_cursor === "string" && page.next_cursor !== "" ? page.next_cursor : null;
      if (cursor !== null && cursors.has(cursor)) throw new SiteBuildError("SERVICE_FETCH", `GET ${url}: the service repeated a cursor`);
      if (cursor !== null) cursors.add(cursor);
    } while (cursor !== null);
    return listed;
  };

  const listed = [...(await listAll("/api/reports")), ...(await listAll("/api/derived-reports"))];
  const urls = listed.map((row) => `${base}/api/reports/${keyPath(row.key ?? `${row.id}@${row.sha}`)}`);
  const texts: ReportText[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      texts[i] = { source: urls[i], text: await get(urls[i]) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, urls.length) }, worker));
  return texts;
}
