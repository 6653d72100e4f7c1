import { parseModelId } from "../../shared/hub/parse-model-id.ts";
import { checkRevision } from "../../shared/hub/check-revision.ts";
import { readConfig } from "../config.ts";
import { ApiError } from "../http/api-error.ts";
import { checkSameOrigin } from "../http/check-same-origin.ts";
import { triggerAnalysis } from "../trigger/trigger-analysis.ts";
import type { AppContext } from "./route-types.ts";

const MAX_BODY_BYTES = 16_384;

/**
 * POST /api/analyze {model, revision?}: 200 with the report when it exists, else 202 with the job.
 * JSON only, and from this service's pages or API clients: a form or a `text/plain` fetch from
 * another site (which a browser sends without asking) cannot start work.
 */
export async function postAnalyze(c: AppContext): Promise<Response> {
  checkSameOrigin(c.req.raw, readConfig(c.env).allowedOrigins);
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError(415, "unsupported_media_type", 'the body must be sent as Content-Type: application/json: {"model": "org/name", "revision"?: "main"}');
  }
  const body = await readBody(c.req.raw);
  const ref = parseModelId(body.model, { ownHosts: [new URL(c.req.url).host] });
  const revision = body.revision === undefined ? ref.revision : checkRevision(body.revision);
  const outcome = await triggerAnalysis(c.env, c.req.raw, ref.id, revision);
  const urls = { report_url: `/api/reports/${outcome.key}`, page_url: `/${outcome.id}` };
  if (outcome.kind === "report") {
    const text = `{"state":"done","key":${JSON.stringify(outcome.key)},"report_url":${JSON.stringify(urls.report_url)},"page_url":${JSON.stringify(urls.page_url)},"report":${outcome.reportText}}`;
    return new Response(text, { status: 200, headers: { "content-type": "application/json; charset=utf-8" } });
  }
  return c.json({ state: outcome.status.state, key: outcome.key, status_url: `/api/jobs/${outcome.key}`, ...urls }, 202);
}

async function readBody(request: Request): Promise<{ model: string; revision?: string }> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, "invalid_request", `the request body is larger than ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", 'the body must be JSON: {"model": "org/name", "revision"?: "main"}');
  }
  const { model, revision } = (body ?? {}) as { model?: unknown; revision?: unknown };
  if (typeof model !== "string") throw new ApiError(400, "invalid_request", 'the body needs "model": a model id or huggingface.co URL');
  if (revision !== undefined && typeof revision !== "string") throw new ApiError(400, "invalid_revision", '"revision" must be a string');
  return { model, revision };
}
