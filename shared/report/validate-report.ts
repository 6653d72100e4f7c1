import { LAYER_COLUMNS, PRESENCE, listInWords, type ColumnSpec, type PresenceGroup } from "./layer-columns.ts";
import { reportShape, type Shape } from "./report-shape.ts";
import type { Report } from "./schema.ts";

export type ReportValidation = { ok: true; report: Report } | { ok: false; errors: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isFinite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Pushes onto `errors` what is wrong with `value` at `path` against `shape`, in field order. */
function check(shape: Shape, value: unknown, path: string, errors: string[]): void {
  const fail = (what: string) => void errors.push(`${path}: expected ${what}`);
  switch (shape.kind) {
    case "string":
      if (shape.const !== undefined) return void (value !== shape.const && fail(JSON.stringify(shape.const)));
      if (shape.enum) return void (!shape.enum.includes(value as string) && fail(`one of ${shape.enum.map((a) => JSON.stringify(a)).join(", ")}`));
      if (shape.format === "date-time") return void ((typeof value !== "string" || Number.isNaN(Date.parse(value))) && fail("an ISO date"));
      if (shape.nullable) return void (value !== null && typeof value !== "string" && fail("a string or null"));
      return void (typeof value !== "string" && fail("a string"));
    case "number":
      if (shape.nullable) return void (value !== null && !isFinite(value) && fail("a finite number or null"));
      return void (!isFinite(value) && fail("a finite number"));
    case "integer":
      return void (!(shape.nullable && value === null) && !Number.isInteger(value) && fail("an integer"));
    case "boolean":
      if (shape.const !== undefined) return void (value !== shape.const && fail(JSON.stringify(shape.const)));
      return void (typeof value !== "boolean" && fail("a boolean"));
    case "null":
      return void (value !== null && fail("null"));
    case "array":
      if (!Array.isArray(value)) return fail("an array");
      return value.forEach((item, i) => check(shape.items, item, `${path}[${i}]`, errors));
    case "record":
      if (!isObject(value)) return fail("an object");
      for (const [key, item] of Object.entries(value)) check(shape.values, item, `${path}.${key}`, errors);
      return;
    case "object":
      if (!isObject(value)) return fail("an object");
      for (const field of shape.fields) {
        const item = value[field.key];
        if (!(field.optional && item === undefined)) check(field.shape, item, `${path}.${field.key}`, errors);
      }
      return;
    case "anyOf": {
      let last: string[] = [];
      for (const alternative of shape.of) {
        last = [];
        check(alternative, value, path, last);
        if (last.length === 0) return;
      }
      errors.push(...last);
    }
  }
}

interface CompiledDescription {
  shape: Shape;
  /** per group whose columns every layer of its reports has: the group and those columns */
  everyLayer: { group: PresenceGroup; keys: string[] }[];
}

const compiled = new WeakMap<readonly ColumnSpec[], CompiledDescription>();

function compile(columns: readonly ColumnSpec[]): CompiledDescription {
  let found = compiled.get(columns);
  if (!found) {
    const groups = (Object.keys(PRESENCE) as PresenceGroup[]).filter((g) => PRESENCE[g].everyLayer);
    const everyLayer = groups.map((group) => ({ group, keys: columns.filter((c) => c.optional === group).map((c) => c.key) })).filter((g) => g.keys.length > 0);
    found = { shape: reportShape(columns), everyLayer };
    compiled.set(columns, found);
  }
  return found;
}

/**
 * Checks a parsed JSON document against the report schema (report-shape.ts, its layers as `columns`
 * describes them); lists every problem with its path.
 */
export function validateReport(doc: unknown, columns: readonly ColumnSpec[] = LAYER_COLUMNS): ReportValidation {
  const { shape, everyLayer } = compile(columns);
  const errors: string[] = [];
  check(shape, doc, "report", errors);
  if (errors.length === 0 && isObject(doc)) {
    const r = doc as unknown as Report;
    if (r.summary.layers_analysed !== r.layers.length) errors.push("report.summary.layers_analysed: disagrees with layers.length");
    if (r.summary.layers_skipped !== r.skipped.length) errors.push("report.summary.layers_skipped: disagrees with skipped.length");
    if (r.summary.layers_failed !== r.failed.length) errors.push("report.summary.layers_failed: disagrees with failed.length");
    for (const part of ["layers", "skipped", "failed"] as const) {
      r[part].forEach((l, i) => {
        if (l.component !== undefined && !l.name.startsWith(`${l.component}/`)) errors.push(`report.${part}[${i}].component: the layer's name does not start with "${l.component}/"`);
      });
    }
    for (const { group, keys } of everyLayer) {
      if (!PRESENCE[group].inReport(r)) continue;
      r.layers.forEach((l, i) => {
        const fields = l as unknown as Record<string, unknown>;
        if (keys.some((k) => fields[k] === undefined)) errors.push(`report.layers[${i}]: ${PRESENCE[group].reports} gives every layer ${listInWords(keys)}`);
      });
    }
  }
  return errors.length === 0 ? { ok: true, report: doc as Report } : { ok: false, errors };
}
