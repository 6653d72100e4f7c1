import { parseModelId } from "../../shared/hub/parse-model-id.ts";
import type { Report } from "../../shared/report/schema.ts";
import { ApiError } from "../http/api-error.ts";
import { toApiError } from "../http/to-api-error.ts";
import { getLatestSha, getReportText } from "../kv/report-store.ts";
import { renderErrorPage } from "../pages/render-error-page.ts";
import { renderProgressPage } from "../pages/render-progress-page.ts";
import { renderReportPage } from "../pages/render-report-page.ts";
import { triggerAnalysis } from "../trigger/trigger-analysis.ts";
import { pathAfter, type AppContext } from "./route-types.ts";

/**
 * GET /{org}/{name}, /{org}/{name}/tree/{revision}, /{name}: the model's Hugging Face path on this
 * host. Shows the report (the latest one when no revision is named), or starts the analysis and
 * shows its progress. Errors are pages too, with the right status.
 */
export async function getModelPage(c: AppContext): Promise<Response> {
  try {
    const path = pathAfter(c, "/").replace(/\/$/, "");
    // a lone segment with a dot is a file a browser or crawler asks for (favicon.ico, robots.txt), not a legacy model id
    if (!path.includes("/") && path.includes(".")) throw new ApiError(404, "not_found", "there is nothing at this address");
    const ref = parseModelId(path);
    if (ref.revision === null) {
      const sha = await getLatestSha(c.env.REPORTS, ref.id);
      const text = sha === null ? null : await getReportText(c.env.REPORTS, ref.id, sha);
      if (text !== null) return renderReportPage(JSON.parse(text) as Report);
    }
    const outcome = await triggerAnalysis(c.env, c.req.raw, ref.id, ref.revision);
    if (outcome.kind === "report") return renderReportPage(JSON.parse(outcome.reportText) as Report);
    return renderProgressPage(outcome.status, `/${path}`);
  } catch (error) {
    return renderErrorPage(toApiError(error));
  }
}
