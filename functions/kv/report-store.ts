import type { Report } from "../../shared/report/schema.ts";
import { rowMetadata, type ReportRow, type RowMetadata } from "../../shared/report/report-row.ts";

// KV layout (docs/api.md): report:{id}@{sha} → report JSON; latest:{id} → sha. Both carry the row's metadata.
const REPORT = "report:";
const LATEST = "latest:";
const LIST_PAGE = 1000;

export const reportKey = (id: string, sha: string) => `${id}@${sha}`;

/** Stores a finished report and, when asked, points the model's `latest` at it. */
export async function putReport(kv: KVNamespace, report: Report, options: { latest: boolean }): Promise<void> {
  const id = report.model.id;
  const sha = report.model.sha!;
  const metadata = rowMetadata(report);
  await kv.put(REPORT + reportKey(id, sha), JSON.stringify(report), { metadata });
  // the sha rides in the metadata too, so listing `latest:` needs no read per model
  if (options.latest) await kv.put(LATEST + id, sha, { metadata: { ...metadata, sha } });
}

/** The report JSON text under a key, or null. */
export function getReportText(kv: KVNamespace, id: string, sha: string): Promise<string | null> {
  return kv.get(REPORT + reportKey(id, sha), "text");
}

/** The sha `latest:{id}` points at, or null when the model has no report. */
export function getLatestSha(kv: KVNamespace, id: string): Promise<string | null> {
  return kv.get(LATEST + id, "text");
}

/**
 * The row metadata of a model's latest report (`sha` null) or of a pinned one, without reading
 * the report itself; null when there is none.
 */
export async function getRowMetadata(kv: KVNamespace, id: string, sha: string | null): Promise<{ sha: string; metadata: RowMetadata } | null> {
  if (sha === null) {
    const latest = await kv.getWithMetadata<RowMetadata>(LATEST + id, "text");
    return latest.value === null || latest.metadata === null ? null : { sha: latest.value, metadata: latest.metadata };
  }
  const pinned = await kv.getWithMetadata<RowMetadata>(REPORT + reportKey(id, sha), "stream");
  await pinned.value?.cancel();
  return pinned.value === null || pinned.metadata === null ? null : { sha, metadata: pinned.metadata };
}

/** One page of every stored report (all revisions), oldest key order, with KV's cursor. */
export async function listReportRows(
  kv: KVNamespace,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: ReportRow[]; nextCursor: string | null }> {
  const page = await kv.list<RowMetadata>({ prefix: REPORT, cursor, limit });
  const latest = await latestShas(kv);
  const rows = page.keys
    .filter((k) => k.metadata)
    .map((k) => {
      const key = k.name.slice(REPORT.length);
      const at = key.lastIndexOf("@");
      const id = key.slice(0, at);
      const sha = key.slice(at + 1);
      return { key, id, sha, latest: latest.get(id) === sha, ...k.metadata! };
    });
  return { rows, nextCursor: page.list_complete ? null : page.cursor };
}

/** The latest report row of every model. */
export async function listLatestRows(kv: KVNamespace): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const k of listAll(kv, LATEST)) {
    if (!k.metadata || !k.sha) continue;
    const id = k.name.slice(LATEST.length);
    rows.push({ key: reportKey(id, k.sha), id, sha: k.sha, latest: true, ...k.metadata });
  }
  return rows;
}

async function latestShas(kv: KVNamespace): Promise<Map<string, string>> {
  const shas = new Map<string, string>();
  for await (const k of listAll(kv, LATEST)) if (k.sha) shas.set(k.name.slice(LATEST.length), k.sha);
  return shas;
}

async function* listAll(kv: KVNamespace, prefix: string): AsyncGenerator<{ name: string; sha: string | null; metadata: RowMetadata | null }> {
  let cursor: string | undefined;
  for (;;) {
    const page = await kv.list<RowMetadata & { sha?: string }>({ prefix, cursor, limit: LIST_PAGE });
    for (const k of page.keys) yield { name: k.name, sha: k.metadata?.sha ?? null, metadata: k.metadata ?? null };
    if (page.list_complete) return;
    cursor = page.cursor;
  }
}
