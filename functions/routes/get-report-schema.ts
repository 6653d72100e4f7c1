import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from "#shared/report";
import type { AppContext } from "./route-types.ts";

// the schema changes only with a deploy (v1 grows by optional fields); readers may keep it an hour
const CACHE = "public, max-age=3600";
// one text per origin the service answers on (its $id is the URL it is served at)
const texts = new Map<string, string>();

/** GET /schema/heavytail.report.v1.json: the report's JSON Schema (draft 2020-12), shared/report/report-json-schema.ts. */
export function getReportSchema(c: AppContext): Response {
  const id = new URL(REPORT_JSON_SCHEMA_PATH, c.req.url).href;
  let text = texts.get(id);
  if (text === undefined) {
    text = JSON.stringify(reportJsonSchema({ id }), null, 2);
    if (texts.size < 8) texts.set(id, text);
  }
  return c.body(text, 200, { "content-type": "application/schema+json; charset=utf-8", "cache-control": CACHE });
}
