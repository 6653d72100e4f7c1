import { describe, expect, it } from "vitest";
import { type Report, reportShape, type Shape, validateReport } from "#shared/report";
import { makeReport } from "./helpers/make-report.ts";

// The report's TypeScript type (shared/report/schema.ts) and its shape (report-shape.ts, from which
// the validator and the JSON Schema come) are written apart outside the layer columns. This holds
// them together: `everyField` names every field of the type, optional ones included, and the
// compiler checks it against the type (a field the type lacks, or a required one left out, does
// not compile); the test then checks the shape has exactly those fields, level by level.

const made = makeReport({
  id: "org/model",
  family: "llama",
  createdAt: "2026-01-01T00:00:00Z",
  seed: 3,
  randomize: true,
  layers: [{ name: "unet/h.0.mlp.weight", shape: [64, 32] }],
  deltaBase: { id: "org/base", source: "hub", revision: "main", sha: "a".repeat(40), files: [{ name: "model.safetensors", size: 8 }] },
});
const [layer] = made.layers;
const { components: _c, avg_dW: _w, avg_db: _b, ...summary } = made.summary;
const { notes: _n, ...componentSummary } = summary;

const everyField: Report = {
  schema: made.schema,
  tool: { name: "heavytail", version: made.tool.version },
  method: {
    compatible_with: made.method.compatible_with,
    mp_fit: true,
    randomize: true,
    seed: 3,
    engine: "js-f64",
    base: { id: "org/base", source: "hub", revision: "main", sha: "a".repeat(40), files: [{ name: "model.safetensors", size: 8 }] },
    peft: "with_base",
  },
  model: {
    id: "org/model",
    source: "hub",
    revision: "main",
    sha: "b".repeat(40),
    files: [{ name: "model.safetensors", size: 8 }],
    parameters: 2048,
    dtypes: ["F32"],
    family: "llama",
    format: { kind: "gguf", file_type: "Q4_K_M", tensor_types: { Q4_K: 1 }, dequantized: true },
    adapter: { peft_type: "LORA", r: 8, lora_alpha: 16, target_modules: ["q_proj"], base_model_name_or_path: "org/base" },
    lineage: { base_models: [{ id: "org/base", relation: "finetune", source: "card" }] },
  },
  created_at: made.created_at,
  summary: { ...summary, layers_skipped: 1, layers_failed: 1, components: [{ name: "unet", ...componentSummary }], avg_dW: 1.5, avg_db: 0 },
  // the layer columns are the type of the column description itself; the made-up layer lacks the two added last
  layers: [{ ...layer, ww_maxdist: 0.25, rand_W_scale: 1, component: "unet", esd: { ...layer.esd, randomized_counts: layer.esd.counts } }],
  skipped: [{ layer_id: 1, name: "unet/h.0.norm.weight", shape: [64], dtype: "F32", reason: "1-D", component: "unet" }],
  failed: [{ layer_id: 2, name: "unet/h.1.mlp.weight", shape: [64, 32], dtype: "F32", error: "no", component: "unet" }],
};

/** Where the shape's fields and the value's keys part, walking both together (arrays by their first item, anyOf by its object alternative). */
function mismatches(shape: Shape, value: unknown, path: string): string[] {
  if (shape.kind === "array") return Array.isArray(value) && value.length > 0 ? mismatches(shape.items, value[0], `${path}[0]`) : [];
  if (shape.kind === "anyOf") {
    const object = shape.of.find((s) => s.kind === "object");
    return object && typeof value === "object" && value !== null ? mismatches(object, value, path) : [];
  }
  if (shape.kind !== "object" || typeof value !== "object" || value === null) return [];
  const keys = Object.keys(value);
  const fields = shape.fields.map((f) => f.key);
  return [
    ...fields.filter((k) => !keys.includes(k)).map((k) => `${path}.${k}: in the shape, not in the type`),
    ...keys.filter((k) => !fields.includes(k)).map((k) => `${path}.${k}: in the type, not in the shape`),
    ...shape.fields.flatMap((f) => (keys.includes(f.key) ? mismatches(f.shape, (value as Record<string, unknown>)[f.key], `${path}.${f.key}`) : [])),
  ];
}

describe("the report's type and its shape", () => {
  it("name the same fields at every level, optional ones included", () => {
    expect(mismatches(reportShape(), everyField, "report")).toEqual([]);
  });

  it("agree on every value: the validator takes the report with every field", () => {
    expect(validateReport(JSON.parse(JSON.stringify(everyField)))).toMatchObject({ ok: true });
  });

  it("would see a field the shape lacks", () => {
    expect(mismatches(reportShape(), { ...everyField, extra: 1 }, "report")).toEqual(["report.extra: in the type, not in the shape"]);
  });
});
