import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeModel } from "#shared/analyze";
import { memoryByteSource } from "#shared/safetensors";
import { createRng } from "#shared/metrics";
import { parseCsv } from "#shared/csv";
import { formatReportCsv } from "../cli/format-report-csv.ts";
import { encodeSafetensors, type TensorSpec } from "./helpers/write-safetensors.ts";

/**
 * The CSV's columns are the reference's: its names and its order (layer_id, name, then the rest
 * sorted by name, as reference.details.csv shows), randomization columns included.
 */
const referenceHeader = readFileSync(fileURLToPath(new URL("./fixtures/ppocrv4_rec/reference.details.csv", import.meta.url)), "utf8").split("\n")[0];

const matrix = (name: string, rows: number, cols: number, seed: number): TensorSpec => {
  const rng = createRng(seed);
  return { name, dtype: "F32", shape: [rows, cols], data: Float32Array.from({ length: rows * cols }, () => rng.uniform() - 0.5) };
};

async function csv(randomize: boolean) {
  const file = encodeSafetensors([matrix("a.weight", 40, 12, 1), matrix("b.weight", 30, 16, 2)]);
  const report = await analyzeModel(
    { files: ["model.safetensors"], open: (f) => memoryByteSource(f, file) },
    { id: "tiny", source: "local", revision: null, sha: null, family: null },
    { randomize, seed: 4, engine: "js", now: () => new Date(0) },
  );
  const [columns, ...rows] = parseCsv(formatReportCsv(report)).map((r) => r.fields);
  return { report, columns, rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [columns[i], v]))) };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("CSV columns", () => {
  it("are the reference's header without randomization", async () => {
    expect((await csv(false)).columns.join(",")).toBe(referenceHeader);
  });

  it("with randomization add the reference's randomization columns, under its names, in its order", async () => {
    const { report, columns, rows } = await csv(true);
    const added = columns.filter((c) => !referenceHeader.split(",").includes(c));
    expect([...added].sort(byCodePoint)).toEqual([
      "max_rand_eval", "rand_W_scale", "rand_bulk_max", "rand_bulk_min", "rand_distance", "rand_mp_softrank",
      "rand_num_spikes", "rand_sigma_mp", "ww_maxdist", "ww_softrank",
    ]);
    expect(columns.slice(0, 2)).toEqual(["layer_id", "name"]);
    expect(columns.slice(2)).toEqual([...columns.slice(2)].sort(byCodePoint));
    report.layers.forEach((layer, i) => {
      expect(Number(rows[i].max_rand_eval)).toBe(layer.rand_lambda_max);
      expect(Number(rows[i].ww_maxdist)).toBe(layer.ww_maxdist);
      expect(Number(rows[i].rand_W_scale)).toBe(layer.rand_W_scale);
    });
  });
});
