import { safeLink, type JobStatus } from "./analyze-status.ts";

/** What `POST /api/analyze` answered (docs/api.md), sorted for the page. */
export type AnalysisStart =
  /** the report exists: `status.report` is the document */
  | { kind: "done"; status: JobStatus & { report?: unknown } }
  | { kind: "job"; statusUrl: string; status: JobStatus }
  | { kind: "error"; message: string };

/**
 * Asks the service to analyse a model (`{ model, revision? }`). Error answers become the API's
 * own message; anything that is not the API's JSON (a proxy's HTML page) is never shown.
 */
export async function requestAnalysis(service: string, request: { model: string; revision?: string }, fetchImpl: typeof fetch = fetch): Promise<AnalysisStart> {
  let response: Response;
  try {
    response = await fetchImpl(`${service}/api/analyze`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(request),
    });
  } catch (error) {
    return { kind: "error", message: `Could not reach the service at ${service}: ${(error as Error).message}` };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const retry = response.headers.get("retry-after");
    const said = typeof body.message === "string" ? body.message : typeof body.error === "string" ? body.error : `The service answered ${response.status}.`;
    return { kind: "error", message: `${said}${retry ? ` Try again in ${retry} s.` : ""}` };
  }
  const status = body as unknown as JobStatus;
  if (response.status === 200 || status.state === "done") return { kind: "done", status };
  const statusUrl = safeLink(body.status_url, service);
  if (!statusUrl) return { kind: "error", message: "The service did not say where to follow the job." };
  return { kind: "job", statusUrl, status };
}
