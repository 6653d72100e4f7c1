import { parseModelId } from "../../shared/hub/parse-model-id.ts";
import { checkRevision } from "../../shared/hub/check-revision.ts";
import { ApiError } from "../http/api-error.ts";
import { triggerAnalysis } from "../trigger/trigger-analysis.ts";
import type { AppContext } from "./route-types.ts";

const MAX_BODY_BYTES = 16_384;

/** POST /api/analyze {model, revision?}: 200 with the report when it exists, else 202 with the job. */
export async function postAnalyze(c: AppContext): Promise<Response> {
  const body = await readBody(c.req.raw);
  const ref = parseModelId(body.model, { ownHosts: [new URL(c.req.url).host] });
  const revision = body.revision === undefined ? ref.revision : checkRevision(body.revision);
  const outcome = await triggerAnalysis(c.env, c.req.raw, ref.id, revision);
  const urls = { report_url: `/api/reports/${outcome.key}`, page_url: `/${ref.id}` };
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
