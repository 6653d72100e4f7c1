import { type Report, validateReport } from "#shared/report";
import { idPath } from "../lib/id-path.ts";

/** The report a static card was built from. */
export interface BuiltReport {
  id: string;
  sha: string;
  created_at: string;
}

/**
 * The model's latest report from the service (`GET {api}/api/reports/{id}`) when it is newer than
 * the one the page was built from; null when it is the same (304, or the same `x-report-key`),
 * older, not a valid report, or when no service answers (a site hosted on its own).
 */
export async function fetchNewerReport(api: string, built: BuiltReport, fetchImpl: typeof fetch = fetch): Promise<Report | null> {
  try {
    const response = await fetchImpl(`${api}/api/reports/${idPath(built.id)}`, {
      headers: { accept: "application/json", "if-none-match": `"${built.sha}"` },
    });
    if (response.status !== 200) return null;
    if (response.headers.get("x-report-key") === `${built.id}@${built.sha}`) return null;
    const checked = validateReport(await response.json());
    if (!checked.ok) return null;
    const { report } = checked;
    if (report.model.id !== built.id || report.model.source !== "hub" || report.model.sha === built.sha) return null;
    return Date.parse(report.created_at) > Date.parse(built.created_at) ? report : null;
  } catch {
    return null;
  }
}
