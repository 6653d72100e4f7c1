import type { Report } from "../../shared/report/schema.ts";
import type { Env } from "../env.ts";
import { reportKey, putReport } from "../kv/report-store.ts";
import { rowMetadata } from "../../shared/report/report-row.ts";

const BOARD = "global";

/** The one leaderboard object of the service. */
export function leaderboard(env: Pick<Env, "LEADERBOARD">) {
  return env.LEADERBOARD.get(env.LEADERBOARD.idFromName(BOARD));
}

/**
 * Stores a finished report (KV) and, when it becomes the model's latest, puts its row on the
 * leaderboard, so the board and the live cards show it at once, without a site build.
 */
export async function publishReport(env: Pick<Env, "REPORTS" | "LEADERBOARD">, report: Report, options: { latest: boolean }): Promise<void> {
  await putReport(env.REPORTS, report, options);
  if (!options.latest) return;
  const id = report.model.id;
  const sha = report.model.sha!;
  await leaderboard(env).upsert({ key: reportKey(id, sha), id, sha, latest: true, ...rowMetadata(report) });
}
