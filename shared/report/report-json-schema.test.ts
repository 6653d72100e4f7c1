import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { makeReport } from "../../test/helpers/make-report.ts";
import { gpt2Layout } from "../../test/helpers/model-layouts.ts";
import { REPORT_JSON_SCHEMA_PATH, reportJsonSchema } from "./report-json-schema.ts";
import { validateReport } from "./validate-report.ts";

const fixtures = fileURLToPath(new URL("../../test/fixtures/reports/", import.meta.url));
const fixtureReports = readdirSync(fixtures)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, JSON.parse(readFileSync(fixtures + f, "utf8"))] as const);

// an independent implementation of draft 2020-12 in strict mode (unknown keywords are errors),
// with RFC 3339's date-time (stricter than the validator's Date.parse); strictRequired (an Ajv lint,
// not the spec's) is off because the delta condition requires properties the main schema declares
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
const schemaValid = ajv.compile(reportJsonSchema({ id: `https://heavytail.test${REPORT_JSON_SCHEMA_PATH}` }));
const ajvErrors = () => (schemaValid.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

// a parsed document, as readers get it (any: the mutations below break its type on purpose)
const copy = (value: unknown) => JSON.parse(JSON.stringify(value));
const made = () => copy(makeReport({ id: "a/b", family: "llama", createdAt: "2026-01-01T00:00:00Z", seed: 3, layers: gpt2Layout(1, 16) }));
const base = { id: "org/base", source: "hub", revision: "main", sha: "a".repeat(40), files: [{ name: "model.safetensors", size: 10 }] };
const delta = () => {
  const report = made();
  report.method.base = base;
  for (const layer of report.layers) Object.assign(layer, { delta_W: 1.5, delta_b: 0 });
  return report;
};

describe("the report's JSON Schema", () => {
  it("is draft 2020-12 with the stable $id it is served at", () => {
    const schema = reportJsonSchema({ id: "https://example.org/schema/heavytail.report.v1.json" });
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe("https://example.org/schema/heavytail.report.v1.json");
    expect(REPORT_JSON_SCHEMA_PATH).toBe("/schema/heavytail.report.v1.json");
  });

  it.each(fixtureReports)("accepts the real report %s, as validateReport does", (_, report) => {
    expect(validateReport(report)).toMatchObject({ ok: true });
    expect(schemaValid(report), ajvErrors().join("\n")).toBe(true);
  });

  it("accepts made reports of every kind: plain, delta, an adapter with its base, components, no randomization", () => {
    const withBase = made();
    withBase.method.base = base;
    withBase.method.peft = "with_base";
    withBase.model.adapter = { peft_type: "LORA", r: 8, lora_alpha: 16, target_modules: ".*proj", base_model_name_or_path: "org/base" };
    const components = made();
    for (const part of [components.layers, components.skipped, components.failed]) for (const l of part) Object.assign(l, { name: `unet/${l.name}`, component: "unet" });
    const plain = copy(makeReport({ id: "a/c", family: null, createdAt: "2026-01-01T00:00:00.123Z", seed: 4, randomize: false, layers: gpt2Layout(1, 16) }));
    for (const report of [made(), delta(), withBase, components, plain]) {
      expect(validateReport(report)).toMatchObject({ ok: true });
      expect(schemaValid(report), ajvErrors().join("\n")).toBe(true);
    }
  });

  it("refuses what validateReport refuses, field by field", () => {
    const mutations: ((r: any) => void)[] = [
      (r) => (r.layers[0].alpha = "3"),
      (r) => (r.layers[0].num_spikes = 1.5),
      (r) => delete r.layers[0].entropy,
      (r) => (r.layers[0].status = "ok"),
      (r) => (r.layers[0].layer_type = "conv1d"),
      (r) => (r.layers[0].ww_softrank = "high"),
      (r) => (r.layers[0].Q = null),
      (r) => (r.layers[0].esd.fit = 3),
      (r) => (r.skipped.push({ layer_id: 9, name: "x", shape: [2.5], dtype: "F32", reason: "r" }), (r.summary.layers_skipped += 1)),
      (r) => (r.summary.reference.alpha = "2"),
      (r) => (r.model.adapter = { peft_type: null, r: 1.5, lora_alpha: null, target_modules: [3], base_model_name_or_path: null }),
      (r) => (r.method.mp_fit = false),
      (r) => (r.schema = "heavytail.report/v2"),
      (r) => (r.created_at = "yesterday"),
      (r) => (r.model.format = { kind: "gguf", file_type: null, tensor_types: { Q4_K: 1.5 }, dequantized: true }),
      (r) => (r.method.base = base),
    ];
    mutations.forEach((mutate, i) => {
      const report = made();
      mutate(report);
      expect(validateReport(report).ok, `mutation ${i}`).toBe(false);
      expect(schemaValid(report), `mutation ${i}`).toBe(false);
    });
  });

  it("requires delta_W and delta_b on every layer of a delta analysis, and not of an adapter with its base", () => {
    const missing = delta();
    delete missing.layers[1].delta_b;
    expect(schemaValid(missing)).toBe(false);
    expect(ajvErrors()).toContain("/layers/1 must have required property 'delta_b'");
    missing.method.peft = "with_base";
    expect(schemaValid(missing), ajvErrors().join("\n")).toBe(true);
    expect(validateReport(missing)).toMatchObject({ ok: true });
  });

  it("documents each layer column with its label, unit and meaning", () => {
    const layer = (reportJsonSchema() as { properties: { layers: { items: { properties: Record<string, { title: string; description: string; type: unknown }>; required: string[] } } } }).properties.layers.items;
    expect(layer.properties.log_norm).toEqual({ title: "log ‖W‖²_F", description: "log10 Σλ (unit: log10)", type: ["number", "null"] });
    expect(layer.properties.rand_lambda_max.description).toContain("present only in a report made with randomization on");
    expect(layer.required).toContain("alpha");
    expect(layer.required).not.toContain("delta_W");
  });
});
