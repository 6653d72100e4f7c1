import type { Report } from "#shared/report";
import { derivedKey, parseAnalysisKey, type BaseKey } from "./derived-key.ts";
import { derivedStoreKey } from "./derived-store-key.ts";

// A report against a base lives apart from the model's own (`report:` / `latest:`, report-store.ts):
// `derived:{store key}` → report JSON (metadata: its pieces and its base's id, sha and mode), the
// rest under `derived-piece:{store key}:{n}` when one value cannot hold it; the store key
// (derivedStoreKey) hashes the base half so it always fits KV's 512-byte keys. Outside the
// `report:` prefix, so neither /api/reports, `latest`, the leaderboard nor the model's badge ever
// sees it; /api/derived-reports lists them (listDerivedReports) for the site's compare pages.
const DERIVED = "derived:";
const PIECE = "derived-piece:";
// KV holds at most 25 MiB per value
const PIECE_BYTES = 20 << 20;

/** What a stored derived report says of itself without being read: the hashed key loses the base's name. */
export interface DerivedMetadata {
  pieces: number;
  id: string;
  sha: string | null;
  base: BaseKey | null;
}

/** Stores a finished report against a base under its derived key; the first piece is written last, so readers never see a partial one. */
export async function putDerivedReport(kv: KVNamespace, key: string, report: Report): Promise<void> {
  const { id, sha, base } = parseAnalysisKey(key);
  const stored = await derivedStoreKey(key);
  const bytes = new TextEncoder().encode(JSON.stringify(report));
  const pieces = Math.max(1, Math.ceil(bytes.byteLength / PIECE_BYTES));
  for (let n = 1; n < pieces; n++) await kv.put(`${PIECE}${stored}:${n}`, bytes.subarray(n * PIECE_BYTES, (n + 1) * PIECE_BYTES));
  await kv.put(DERIVED + stored, bytes.subarray(0, PIECE_BYTES), { metadata: { pieces, id, sha, base } satisfies DerivedMetadata });
}

/** The report JSON text under a derived key, or null. */
export async function getDerivedReportText(kv: KVNamespace, key: string): Promise<string | null> {
  const stored = await derivedStoreKey(key);
  const first = await kv.getWithMetadata<DerivedMetadata>(DERIVED + stored, "arrayBuffer");
  if (first.value === null) return null;
  const pieces = first.metadata?.pieces ?? 1;
  const parts: ArrayBuffer[] = [first.value];
  for (let n = 1; n < pieces; n++) {
    const piece = await kv.get(`${PIECE}${stored}:${n}`, "arrayBuffer");
    if (piece === null) return null;
    parts.push(piece);
  }
  const whole = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return new TextDecoder().decode(whole);
}

/** One stored report against a base, as /api/derived-reports lists it: its public key and both commits. */
export interface DerivedRow {
  key: string;
  id: string;
  sha: string;
  base: BaseKey;
}

/** One page of the stored reports against a base, in KV's key order, with KV's cursor. */
export async function listDerivedReports(kv: KVNamespace, cursor: string | undefined, limit: number): Promise<{ rows: DerivedRow[]; nextCursor: string | null }> {
  const page = await kv.list<DerivedMetadata>({ prefix: DERIVED, cursor, limit });
  const rows = page.keys.flatMap(({ metadata: m }) => (m && m.sha !== null && m.base !== null ? [{ key: derivedKey(m.id, m.sha, m.base), id: m.id, sha: m.sha, base: m.base }] : []));
  return { rows, nextCursor: page.list_complete ? null : page.cursor };
}
