import { type Report, rowMetadata, type RowMetadata } from "#shared/report";
import type { Env } from "../env.ts";
import { getLatest, getRowMetadata, putLatest, putReport, reportKey } from "../kv/report-store.ts";

const BOARD = "global";

/** The one leaderboard object of the service. */
export function leaderboard(env: Pick<Env, "LEADERBOARD">) {
  return env.LEADERBOARD.get(env.LEADERBOARD.idFromName(BOARD));
}

/**
 * Stores a finished report (KV) and, when it may become the model's latest — it is, and its
 * commit is not older than the one `latest` names now — points `latest` at it and puts its row on
 * the leaderboard, so the board and the live cards show it at once, without a site build. Two
 * commits of main finishing out of order leave `latest` on the newer one.
 */
export async function publishReport(
  env: Pick<Env, "REPORTS" | "LEADERBOARD">,
  report: Report,
  options: { latest: boolean; committedAt?: string | null },
): Promise<void> {
  const committedAt = options.committedAt ?? null;
  const id = report.model.id;
  const sha = report.model.sha!;
  const latest = options.latest && movesForward(await getLatest(env.REPORTS, id), sha, committedAt);
  await putReport(env.REPORTS, report, { latest, committedAt });
  if (latest) await upsertRow(env, id, sha, rowMetadata(report));
}

/**
 * Points `latest` at a stored report of the branch's head (a trigger found it cached), unless it
 * already points there or at a newer commit.
 */
export async function pointLatest(env: Pick<Env, "REPORTS" | "LEADERBOARD">, id: string, sha: string, committedAt: string | null): Promise<void> {
  const current = await getLatest(env.REPORTS, id);
  if (current?.sha === sha || !movesForward(current, sha, committedAt)) return;
  const stored = await getRowMetadata(env.REPORTS, id, sha);
  if (stored === null) return;
  await putLatest(env.REPORTS, id, sha, stored.metadata, committedAt);
  await upsertRow(env, id, sha, stored.metadata);
}

/** Whether `latest` may name this commit: it names none, this one, or one not known to be newer. */
function movesForward(current: { sha: string; committedAt: string | null } | null, sha: string, committedAt: string | null): boolean {
  if (current === null || current.sha === sha) return true;
  return current.committedAt === null || committedAt === null || Date.parse(committedAt) >= Date.parse(current.committedAt);
}

async function upsertRow(env: Pick<Env, "LEADERBOARD">, id: string, sha: string, metadata: RowMetadata): Promise<void> {
  await leaderboard(env).upsert({ key: reportKey(id, sha), id, sha, latest: true, ...metadata });
}
