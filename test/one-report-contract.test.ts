import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseCsv } from "#shared/csv";
import { formatReportCsv } from "../cli/format-report-csv.ts";
import { formatReportTable } from "../cli/format-report-table.ts";
import { LAYER_COLUMNS, type ColumnSpec, reportJsonSchema, type Report, validateReport } from "#shared/report";
import { layerTable } from "../site/src/card/layer-table.ts";
import { siteLayerColumns } from "../site/src/lib/layer-columns.ts";
import { makeReport } from "./helpers/make-report.ts";

/**
 * Issue 13, "one report contract": the layer columns are described once
 * (shared/report/layer-columns.ts), and every front end derives its columns from that description.
 * A column added to it shows in the CSV, the validator, the JSON Schema, the CLI table and the
 * site's layer table with no other edit.
 */
const TAIL_MASS: ColumnSpec = { key: "tail_mass", type: "number", nullable: true, label: "tail mass", meaning: "share of Σλ in the fitted tail", terminal: { order: 7.5, digits: 2 } };
const RAND_TAIL_MASS: ColumnSpec = { key: "rand_tail_mass", type: "integer", optional: "randomize", label: "rand tail", meaning: "eigenvalues of the randomized ESD past xmin" };
const extended: readonly ColumnSpec[] = [...LAYER_COLUMNS, TAIL_MASS, RAND_TAIL_MASS];

function report(randomize: boolean): Report {
  const made = makeReport({
    id: "org/model",
    family: "llama",
    createdAt: "2026-01-01T00:00:00Z",
    seed: 5,
    randomize,
    layers: [
      { name: "h.0.mlp.weight", shape: [64, 32] },
      { name: "h.1.mlp.weight", shape: [64, 32] },
    ],
  });
  made.layers.forEach((layer, i) => Object.assign(layer, { tail_mass: 0.125 * (i + 1), ...(randomize ? { rand_tail_mass: 7 + i } : {}) }));
  return JSON.parse(JSON.stringify(made));
}

const cells = (csv: string) => {
  const [names, ...rows] = parseCsv(csv).map((r) => r.fields);
  return { names, rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [names[i], v]))) };
};

describe("a column added to the description", () => {
  it("is in the CSV, under its name in the reference's order, and only in the reports that have it", () => {
    const { names, rows } = cells(formatReportCsv(report(true), extended));
    expect(names.slice(2)).toEqual([...names.slice(2)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(rows.map((r) => [r.tail_mass, r.rand_tail_mass])).toEqual([["0.125", "7"], ["0.25", "8"]]);
    const plain = cells(formatReportCsv(report(false), extended)).names;
    expect(plain).toContain("tail_mass");
    expect(plain).not.toContain("rand_tail_mass");
    // the real description is the default, and knows nothing of it
    expect(cells(formatReportCsv(report(true))).names).not.toContain("tail_mass");
  });

  it("is checked by the validator: its type, and its presence unless optional", () => {
    expect(validateReport(report(true), extended)).toMatchObject({ ok: true });
    expect(validateReport(report(false), extended)).toMatchObject({ ok: true });
    const wrong = report(true) as unknown as { layers: Record<string, unknown>[] };
    wrong.layers[0].tail_mass = "much";
    wrong.layers[1].rand_tail_mass = 1.5;
    delete wrong.layers[1].tail_mass;
    const result = validateReport(wrong, extended);
    expect(result.ok ? [] : result.errors).toEqual([
      "report.layers[0].tail_mass: expected a finite number or null",
      "report.layers[1].tail_mass: expected a finite number or null",
      "report.layers[1].rand_tail_mass: expected an integer",
    ]);
    // readers of the real description let a field they do not know through, as v1 grows
    expect(validateReport(wrong)).toMatchObject({ ok: true });
  });

  it("is in the JSON Schema, with its label and meaning, and the schema checks it", () => {
    const schema = reportJsonSchema({ columns: extended });
    const layer = (schema as { properties: { layers: { items: { properties: Record<string, unknown>; required: string[] } } } }).properties.layers.items;
    expect(layer.properties.tail_mass).toEqual({ title: "tail mass", description: "share of Σλ in the fitted tail", type: ["number", "null"] });
    expect(layer.required).toContain("tail_mass");
    expect(layer.required).not.toContain("rand_tail_mass");
    const valid = new Ajv2020({ strict: true, strictRequired: false, validateFormats: false }).compile(schema);
    expect(valid(report(true))).toBe(true);
    const wrong = report(true) as unknown as { layers: Record<string, unknown>[] };
    wrong.layers[0].tail_mass = "much";
    expect(valid(wrong)).toBe(false);
  });

  it("is in the CLI's table when it has a terminal place, at that place", () => {
    const lines = formatReportTable(report(true), extended).split("\n");
    const header = lines.find((l) => l.includes("N×M (rf)"))!;
    expect(header).toMatch(/stable rank +tail mass +spikes/);
    expect(lines.find((l) => l.includes("h.1.mlp.weight"))).toContain(" 0.25 ");
    expect(formatReportTable(report(true))).not.toContain("tail mass");
  });

  it("is in the site's layer table, its key as header and its meaning as tooltip; a randomization one only when randomized", () => {
    const randomized = String(layerTable(report(true).layers, true, "/spectra/", extended));
    expect(randomized).toContain('data-column="tail_mass" data-value="0.125"');
    expect(randomized).toContain('data-column="rand_tail_mass" data-value="8"');
    expect(randomized).toContain("share of Σλ in the fitted tail");
    const plain = String(layerTable(report(false).layers, false, "/spectra/", extended));
    expect(plain).toContain('data-column="tail_mass"');
    expect(plain).not.toContain("rand_tail_mass");
    expect(String(layerTable(report(true).layers, true, "/spectra/"))).not.toContain("tail_mass");
  });
});

describe("a column's label in the description", () => {
  it("heads the CLI's summary means and its layer lines alike", () => {
    const relabelled: readonly ColumnSpec[] = LAYER_COLUMNS.map((c) => (c.key === "stable_rank" || c.key === "layer_type" ? { ...c, label: `my ${c.label}` } : c));
    const lines = formatReportTable(report(false), relabelled).split("\n");
    expect(lines.find((l) => l.startsWith("summary"))).toMatch(/log λmax +my stable rank +mp softrank$/);
    expect(lines.find((l) => l.includes("N×M (rf)"))).toMatch(/^id +layer +my type +N×M \(rf\) .*my stable rank +spikes/);
  });
});

describe("the real description", () => {
  it("gives the site the columns it has always shown, in the report's order", () => {
    const { always, randomization } = siteLayerColumns();
    expect(always.map((c) => c.key)).toEqual(LAYER_COLUMNS.filter((c) => !("optional" in c) && c.key !== "name").map((c) => c.key));
    expect(always).toHaveLength(35);
    expect(randomization.map((c) => c.key)).toEqual([
      "rand_distance", "ww_softrank", "ww_maxdist", "rand_num_spikes", "rand_sigma_mp", "rand_mp_softrank", "rand_W_scale", "rand_bulk_max", "rand_bulk_min", "rand_lambda_max",
    ]);
  });

  it("names each column once", () => {
    const keys = LAYER_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const csv = LAYER_COLUMNS.map((c) => ("csv" in c ? c.csv : c.key)).filter((n) => n !== false);
    expect(new Set(csv).size).toBe(csv.length);
  });
});
