import { type Report, rowMetadata, type ReportRow, type RowMetadata } from "#shared/report";

// KV layout (docs/api.md): report:{id}@{sha} → report JSON (its first piece when larger than one
// value holds, the rest under piece:{id}@{sha}:{n}); latest:{id} → sha; alias:{lower-case id} → the
// Hub's spelling of the id. Reports and pointers carry the row's metadata.
const REPORT = "report:";
const PIECE = "piece:";
const LATEST = "latest:";
const ALIAS = "alias:";
const LIST_PAGE = 1000;
// KV holds at most 25 MiB per value
const PIECE_BYTES = 20 << 20;

type StoredMetadata = RowMetadata & { pieces?: number };
type LatestMetadata = RowMetadata & { sha: string; committed_at?: string | null };

export const reportKey = (id: string, sha: string) => `${id}@${sha}`;

/**
 * Stores a finished report (in pieces when one value cannot hold it) and the id's alias; when
 * asked, points the model's `latest` at it. The first piece is written last, so a reader never
 * finds a report whose pieces are not all there.
 */
export async function putReport(kv: KVNamespace, report: Report, options: { latest: boolean; committedAt?: string | null }): Promise<void> {
  const id = report.model.id;
  const sha = report.model.sha!;
  const metadata = rowMetadata(report);
  const text = JSON.stringify(report);
  const bytes = new TextEncoder().encode(text);
  const pieces = Math.ceil(bytes.byteLength / PIECE_BYTES);
  if (pieces <= 1) {
    await kv.put(REPORT + reportKey(id, sha), text, { metadata });
  } else {
    for (let n = 1; n < pieces; n++) await kv.put(`${PIECE}${reportKey(id, sha)}:${n}`, bytes.subarray(n * PIECE_BYTES, (n + 1) * PIECE_BYTES));
    await kv.put(REPORT + reportKey(id, sha), bytes.subarray(0, PIECE_BYTES), { metadata: { ...metadata, pieces } satisfies StoredMetadata });
  }
  await kv.put(ALIAS + id.toLowerCase(), id);
  if (options.latest) await putLatest(kv, id, sha, metadata, options.committedAt ?? null);
}

/** Points `latest:{id}` at a stored report. */
export async function putLatest(kv: KVNamespace, id: string, sha: string, metadata: RowMetadata, committedAt: string | null): Promise<void> {
  // the sha rides in the metadata too, so listing `latest:` needs no read per model
  await kv.put(LATEST + id, sha, { metadata: { ...metadata, sha, committed_at: committedAt } satisfies LatestMetadata });
}

/** The report JSON text under a key, or null. */
export async function getReportText(kv: KVNamespace, id: string, sha: string): Promise<string | null> {
  const first = await kv.getWithMetadata<StoredMetadata>(REPORT + reportKey(id, sha), "arrayBuffer");
  if (first.value === null) return null;
  const pieces = first.metadata?.pieces ?? 1;
  if (pieces <= 1) return new TextDecoder().decode(first.value);
  const rest = await Promise.all(Array.from({ length: pieces - 1 }, (_, i) => kv.get(`${PIECE}${reportKey(id, sha)}:${i + 1}`, "arrayBuffer")));
  if (rest.some((piece) => piece === null)) return null;
  const whole = new Uint8Array(first.value.byteLength + rest.reduce((sum, piece) => sum + piece!.byteLength, 0));
  let at = 0;
  for (const piece of [first.value, ...(rest as ArrayBuffer[])]) {
    whole.set(new Uint8Array(piece), at);
    at += piece.byteLength;
  }
  return new TextDecoder().decode(whole);
}

/** The sha `latest:{id}` points at, or null when the model has no report. */
export async function getLatestSha(kv: KVNamespace, id: string): Promise<string | null> {
  return (await getLatest(kv, id))?.sha ?? null;
}

/** Where `latest:{id}` points, and the commit date it was set for (null when unknown). */
export async function getLatest(kv: KVNamespace, id: string): Promise<{ sha: string; committedAt: string | null } | null> {
  const latest = await kv.getWithMetadata<LatestMetadata>(LATEST + id, "text");
  return latest.value === null ? null : { sha: latest.value, committedAt: latest.metadata?.committed_at ?? null };
}

/** The Hub's spelling of an id stored under another spelling (`H/CASE` for `h/case`), or null. */
export async function canonicalSpelling(kv: KVNamespace, id: string): Promise<string | null> {
  const canonical = await kv.get(ALIAS + id.toLowerCase(), "text");
  return canonical !== null && canonical !== id ? canonical : null;
}

/**
 * The row metadata of a model's latest report (`sha` null) or of a pinned one, without reading
 * the report itself; null when there is none.
 */
export async function getRowMetadata(kv: KVNamespace, id: string, sha: string | null): Promise<{ sha: string; metadata: RowMetadata } | null> {
  if (sha === null) {
    const latest = await kv.getWithMetadata<LatestMetadata>(LATEST + id, "text");
    return latest.value === null || latest.metadata === null ? null : { sha: latest.value, metadata: rowOnly(latest.metadata) };
  }
  const pinned = await kv.getWithMetadata<StoredMetadata>(REPORT + reportKey(id, sha), "stream");
  await pinned.value?.cancel();
  return pinned.value === null || pinned.metadata === null ? null : { sha, metadata: rowOnly(pinned.metadata) };
}

/** One page of every stored report (all revisions), oldest key order, with KV's cursor. */
export async function listReportRows(
  kv: KVNamespace,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: ReportRow[]; nextCursor: string | null }> {
  const page = await kv.list<StoredMetadata>({ prefix: REPORT, cursor, limit });
  const latest = await latestShas(kv);
  const rows = page.keys
    .filter((k) => k.metadata)
    .map((k) => {
      const key = k.name.slice(REPORT.length);
      const at = key.lastIndexOf("@");
      const id = key.slice(0, at);
      const sha = key.slice(at + 1);
      return { key, id, sha, latest: latest.get(id) === sha, ...rowOnly(k.metadata!) };
    });
  return { rows, nextCursor: page.list_complete ? null : page.cursor };
}

/** The latest report row of every model. */
export async function listLatestRows(kv: KVNamespace): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const k of listAll(kv, LATEST)) {
    if (!k.metadata || !k.sha) continue;
    const id = k.name.slice(LATEST.length);
    rows.push({ key: reportKey(id, k.sha), id, sha: k.sha, latest: true, ...rowOnly(k.metadata) });
  }
  return rows;
}

/** A stored metadata object less what only the store needs. */
function rowOnly(stored: StoredMetadata | LatestMetadata): RowMetadata {
  // rows stored before lineage rode in the metadata have none: their badge reads the report (get-badge.ts)
  return { family: stored.family, parameters: stored.parameters, created_at: stored.created_at, base: stored.base ?? null, summary: stored.summary };
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
