import { LAYER_COLUMNS, PRESENCE, type ColumnSpec, type PresenceGroup } from "./layer-columns.ts";
import { reportShape, type Shape } from "./report-shape.ts";

/** Where the service serves the schema (functions/routes/get-report-schema.ts, docs/api.md). */
export const REPORT_JSON_SCHEMA_PATH = "/schema/heavytail.report.v1.json";

type JsonSchema = Record<string, unknown>;

/** One shape as JSON Schema (draft 2020-12). Objects stay open: v1 grows by optional fields. */
function toJsonSchema(shape: Shape): JsonSchema {
  const doc: JsonSchema = {};
  if (shape.title !== undefined) doc.title = shape.title;
  if (shape.description !== undefined) doc.description = shape.description;
  const type = (name: string, nullable?: boolean) => (nullable ? [name, "null"] : name);
  switch (shape.kind) {
    case "string":
      if (shape.const !== undefined) return { ...doc, const: shape.const };
      if (shape.enum) return { ...doc, enum: [...shape.enum] };
      return { ...doc, type: type("string", shape.nullable), ...(shape.format ? { format: shape.format } : {}) };
    case "number":
    case "integer":
      return { ...doc, type: type(shape.kind, shape.nullable) };
    case "boolean":
      return shape.const !== undefined ? { ...doc, const: shape.const } : { ...doc, type: "boolean" };
    case "null":
      return { ...doc, type: "null" };
    case "array":
      return { ...doc, type: "array", items: toJsonSchema(shape.items) };
    case "record":
      return { ...doc, type: "object", additionalProperties: toJsonSchema(shape.values) };
    case "object":
      return {
        ...doc,
        type: "object",
        properties: Object.fromEntries(shape.fields.map((f) => [f.key, toJsonSchema(f.shape)])),
        required: shape.fields.filter((f) => !f.optional).map((f) => f.key),
      };
    case "anyOf":
      return { ...doc, anyOf: shape.of.map(toJsonSchema) };
  }
}

/**
 * The JSON Schema of `heavytail.report/v1`, written from the same description the validator checks
 * (report-shape.ts, layer-columns.ts). `id`: the schema's `$id` (the service passes the absolute URL
 * it serves it at). What it cannot say: that the summary's counts agree with the lists' lengths and
 * that a layer's `component` prefixes its name (validateReport checks both).
 */
export function reportJsonSchema(options: { id?: string; columns?: readonly ColumnSpec[] } = {}): JsonSchema {
  const columns: readonly ColumnSpec[] = options.columns ?? LAYER_COLUMNS;
  const root = toJsonSchema(reportShape(columns));
  // a group whose columns every layer of its reports has: if the report is one, its layers require them
  const conditions = (Object.keys(PRESENCE) as PresenceGroup[]).flatMap((group) => {
    const { everyLayer, jsonSchemaIf } = PRESENCE[group];
    const keys = columns.filter((c) => c.optional === group).map((c) => c.key);
    if (!everyLayer || jsonSchemaIf === null || keys.length === 0) return [];
    return [{ if: jsonSchemaIf, then: { type: "object", properties: { layers: { type: "array", items: { type: "object", required: keys } } } } }];
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    ...(options.id ? { $id: options.id } : {}),
    ...root,
    ...(conditions.length > 0 ? { allOf: conditions } : {}),
  };
}
