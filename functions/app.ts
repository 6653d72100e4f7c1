import { Hono } from "hono";
import { ApiError } from "./http/api-error.ts";
import { errorResponse } from "./http/error-response.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { toApiError } from "./http/to-api-error.ts";
import { getBadge } from "./routes/get-badge.ts";
import { getBaseComparison } from "./routes/get-base-comparison.ts";
import { getJob } from "./routes/get-job.ts";
import { getLeaderboard, getLeaderboardFamilies } from "./routes/get-leaderboard.ts";
import { getModelPage } from "./routes/get-model-page.ts";
import { getReport } from "./routes/get-report.ts";
import { getReportSchema } from "./routes/get-report-schema.ts";
import { listDerivedReports } from "./routes/list-derived-reports.ts";
import { listReports } from "./routes/list-reports.ts";
import { postAnalyze } from "./routes/post-analyze.ts";
import type { AppEnv } from "./routes/route-types.ts";

/** The service's routes (docs/api.md). Static site pages are served before these, by Workers assets. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((error) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) console.error("request failed:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return errorResponse(apiError);
  });
  app.notFound(() => errorResponse(new ApiError(404, "not_found", "there is nothing at this address")));
  app.use(securityHeaders);
  app.post("/api/analyze", postAnalyze);
  app.get("/api/jobs/*", getJob);
  app.get("/api/reports", listReports);
  app.get("/api/reports/*", getReport);
  app.get("/api/derived-reports", listDerivedReports);
  app.get("/api/comparisons/*", getBaseComparison);
  app.get("/api/leaderboard", getLeaderboard);
  app.get("/api/leaderboard/families", getLeaderboardFamilies);
  app.all("/api/*", () => errorResponse(new ApiError(404, "not_found", "no such API route; see docs/api.md")));
  app.get("/badge/*", getBadge);
  app.get("/schema/heavytail.report.v1.json", getReportSchema);
  app.get("/*", getModelPage);
  return app;
}
