import { parseModelId, checkRevision } from "#shared/hub";
import { readConfig } from "../config.ts";
import { ApiError } from "../http/api-error.ts";
import { checkSameOrigin } from "../http/check-same-origin.ts";
import { parseBaseRef } from "../trigger/parse-base-ref.ts";
import { triggerAnalysis } from "../trigger/trigger-analysis.ts";
import type { AppContext } from "./route-types.ts";

const MAX_BODY_BYTES = 16_384;

/**
 * POST /api/analyze {model, revision?, base?, peft?}: 200 with the report when it exists, else 202
 * with the job. `base` ("org/name[@rev]") asks for a delta analysis W − W_base, `peft: "with_base"`
 * an adapter's W + B·A against its base (the body's `base`, else its adapter config's); their key
 * names both commits (docs/api.md).
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
  const ownHosts = [new URL(c.req.url).host];
  const ref = parseModelId(body.model, { ownHosts });
  const revision = body.revision === undefined ? ref.revision : checkRevision(body.revision);
  const base = body.base === undefined ? null : parseBaseRef(body.base, { ownHosts });
  const outcome = await triggerAnalysis(c.env, c.req.raw, ref.id, revision, { base, peft: body.peft === "with_base" ? "with_base" : null });
  const urls = {
    report_url: `/api/reports/${outcome.key}`,
    page_url: `/${outcome.id}`,
    // a fine-tune compared with its card's base beside its own analysis
    ...(outcome.comparison && { comparison_url: `/api/comparisons/${outcome.id}@${outcome.sha}` }),
  };
  if (outcome.kind === "report") {
    const head = JSON.stringify({ state: "done", key: outcome.key, ...urls });
    const text = `${head.slice(0, -1)},"report":${outcome.reportText}}`;
    return new Response(text, { status: 200, headers: { "content-type": "application/json; charset=utf-8" } });
  }
  return c.json({ state: outcome.status.state, key: outcome.key, status_url: `/api/jobs/${outcome.key}`, ...urls }, 202);
}

async function readBody(request: Request): Promise<{ model: string; revision?: string; base?: string; peft?: "adapter" | "with_base" }> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, "invalid_request", `the request body is larger than ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", 'the body must be JSON: {"model": "org/name", "revision"?: "main"}');
  }
  const { model, revision, base, peft } = (body ?? {}) as { model?: unknown; revision?: unknown; base?: unknown; peft?: unknown };
  if (typeof model !== "string") throw new ApiError(400, "invalid_request", 'the body needs "model": a model id or huggingface.co URL');
  if (revision !== undefined && typeof revision !== "string") throw new ApiError(400, "invalid_revision", '"revision" must be a string');
  if (base !== undefined && typeof base !== "string") throw new ApiError(400, "invalid_request", '"base" must be a string: "org/name" or "org/name@revision"');
  if (peft !== undefined && peft !== "adapter" && peft !== "with_base") throw new ApiError(400, "invalid_request", '"peft" must be "adapter" (the default) or "with_base"');
  return { model, revision, ...(base !== undefined && { base }), ...(peft !== undefined && { peft }) };
}
