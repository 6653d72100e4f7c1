import { describe, expect, it } from "vitest";
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from "#shared/report";
import { workerFetch } from "../../test/workers/worker-fetch.ts";

describe("GET /schema/heavytail.report.v1.json", () => {
  it("serves the report's JSON Schema, cacheable, with the URL it is served at as $id", async () => {
    const response = await workerFetch(REPORT_JSON_SCHEMA_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/schema+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const schema = (await response.json()) as Record<string, unknown>;
    expect(schema.$id).toBe(`http://heavytail.test${REPORT_JSON_SCHEMA_PATH}`);
    expect(schema).toEqual(reportJsonSchema({ id: `http://heavytail.test${REPORT_JSON_SCHEMA_PATH}` }));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});
