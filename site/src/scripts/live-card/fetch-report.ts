import { type Report, validateReport } from "#shared/report";
import { idPath } from "../../lib/id-path.ts";

export type FetchedReport = { kind: "report"; report: Report } | { kind: "missing" } | { kind: "error"; message: string };

/** `GET /api/reports/{id}` (the latest report) or `…/{id}@{sha}` (docs/api.md). */
export function reportUrl(service: string, id: string, sha: string | null): string {
  return `${service}/api/reports/${idPath(id)}${sha ? `@${sha}` : ""}`;
}

/** A checked report document, for rendering; the API's error answers become its message. */
export function checkedReport(document: unknown): FetchedReport {
  const checked = validateReport(document);
  if (checked.ok) return { kind: "report", report: checked.report };
  return { kind: "error", message: `The service's report does not follow the report schema (${checked.errors[0]}).` };
}

/**
 * A report from the service: the document, `missing` for 404 `report_not_found` (the model can
 * be analysed), or what went wrong in the API's words; the body of a non-JSON answer is never shown.
 */
export async function fetchReport(url: string, fetchImpl: typeof fetch = fetch): Promise<FetchedReport> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: "application/json" } });
  } catch (error) {
    return { kind: "error", message: `Could not reach the service: ${(error as Error).message}` };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.status === 404 && body?.error === "report_not_found") return { kind: "missing" };
  if (!response.ok) {
    const said = typeof body?.message === "string" ? body.message : `The service answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`;
    return { kind: "error", message: said };
  }
  return body === null ? { kind: "error", message: "The service's answer is not JSON." } : checkedReport(body);
}
