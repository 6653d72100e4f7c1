// Parity with the reference tool itself (weightwatcher 0.7.5.5, test/fixtures/reference/README.md)
// on a delta pair built from a real model and on a LoRA adapter, alone and with its base: every
// column of every row both analyse, the reference's distances, and the layers where we part from
// it on purpose (docs/metrics.md §10–11).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openLocalModel } from "../cli/open-local-model.ts";
import { formatReportCsv } from "../cli/format-report-csv.ts";
import { analyzeModel, type AnalyzeModelOptions } from "#shared/analyze";
import type { Report } from "#shared/report";
import { encodeSafetensors } from "./helpers/write-safetensors.ts";
import { NEW_LAYER, RESIZED, writePpocrDeltaPair } from "./helpers/ppocr-delta-pair.ts";
import { ADAPTER_CONFIG_JSON, encodeLoraAdapter, loraBaseTensors } from "./helpers/write-lora-adapter.ts";
import { expectReferenceRow, readReferenceCsv } from "./helpers/expect-reference-row.ts";

const REFERENCE = new URL("./fixtures/reference/", import.meta.url).pathname;
const reference = (file: string) => readReferenceCsv(readFileSync(join(REFERENCE, file), "utf8"));
// the reference numbers the layers of a state dict from one more than those of a file
const STATE_DICT = { layerIdOffset: 1 };
const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) } satisfies AnalyzeModelOptions;
const local = (id: string) => ({ id, source: "local" as const, revision: null, sha: null });

let delta: Report;
let adapter: Report;
let withBase: Report;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "heavytail-reference-"));
  writePpocrDeltaPair(join(dir, "pair"));
  mkdirSync(join(dir, "adapter"));
  writeFileSync(join(dir, "adapter", "adapter_model.safetensors"), encodeLoraAdapter());
  writeFileSync(join(dir, "adapter", "adapter_config.json"), ADAPTER_CONFIG_JSON);
  mkdirSync(join(dir, "lora-base"));
  writeFileSync(join(dir, "lora-base", "model.safetensors"), encodeSafetensors(loraBaseTensors().map((t) => ({ name: t.name, dtype: "F32", shape: t.shape, data: t.values }))));
  const open = (folder: string) => openLocalModel(join(dir, folder));
  const tuned = open("pair/tuned");
  delta = await analyzeModel(tuned.model, tuned.description, { ...options, base: { model: open("pair/base").model, description: local("base") } });
  const lora = open("adapter");
  adapter = await analyzeModel(lora.model, lora.description, options);
  withBase = await analyzeModel(lora.model, lora.description, { ...options, peft: "with_base", base: { model: open("lora-base").model, description: local("lora-base") } });
}, 180_000);

describe("the reference run these fixtures come from", () => {
  it("gives ppocrv4_rec's own reference.details.csv back, layer_id aside", () => {
    const fromFile = new Map(reference("../ppocrv4_rec/reference.details.csv").map((r) => [r.name, r]));
    const fromStateDict = reference("ppocrv4-state-dict.details.csv");
    expect(fromStateDict.length).toBe(fromFile.size);
    for (const row of fromStateDict) {
      expect({ ...row, layer_id: String(Number(row.layer_id) - 1) }).toEqual(fromFile.get(row.name));
    }
  });
});

describe("a delta analysis against weightwatcher's analyze(base_model=…)", () => {
  const rows = reference("ppocrv4-delta.details.csv");
  const ours = () => new Map(delta.layers.map((l) => [l.name, l]));

  it.each(rows.filter((r) => r.name !== RESIZED && `${r.name}.weight` !== NEW_LAYER).map((r) => [r.name, r] as const))("%s: every column", (name, row) => {
    expectReferenceRow(row, ours().get(name)!, STATE_DICT);
  });

  it("skips, with a reason, the two layers the reference gets wrong: a resized head (a zero matrix there) and a layer the base lacks (its W, not a delta, there)", () => {
    const head = rows.find((r) => r.name === RESIZED)!;
    expect([head.status, head.log_norm, head.lambda_max]).toEqual(["failed", "-inf", "0.0"]);
    const added = rows.find((r) => `${r.name}.weight` === NEW_LAYER)!;
    expect(added.status).toBe("success");
    const skipped = new Map(delta.skipped.map((s) => [s.name, s.reason]));
    expect(skipped.get(RESIZED)).toMatch(/differs from the base's/);
    expect(skipped.get(added.name)).toMatch(/^not in the base model/);
    expect(delta.layers.length).toBe(rows.length - 2);
  });

  it("has the reference's distances(): delta_W and delta_b to its float32 rounding", () => {
    const distances = reference("ppocrv4-delta.distances.csv");
    // distances() zips both models' layers in order, so rows after the layer the base lacks pair wrongly
    const paired = distances.filter((r) => ours().has(r.name));
    expect(paired.length).toBe(delta.layers.length);
    for (const row of paired) {
      const layer = ours().get(row.name)!;
      for (const column of ["delta_W", "delta_b"] as const) {
        const want = Number(row[column]);
        const got = layer[column] as number;
        expect(want === 0 ? got : Math.abs(got - want) / want, `${row.name}.${column}`).toBeLessThan(1e-6);
      }
    }
  });
});

describe("a LoRA adapter against weightwatcher's analyze(peft=True) and peft=\"with_base\"", () => {
  it.each(reference("lora-adapter.details.csv").map((r) => [r.name, r] as const))("peft=True %s: every column", (name, row) => {
    expectReferenceRow(row, adapter.layers.find((l) => l.name === name)!, STATE_DICT);
    expect(row.peft).toBe("True");
  });

  it("writes the reference's columns, peft among them, in its order", () => {
    const header = readFileSync(join(REFERENCE, "lora-adapter.details.csv"), "utf8").split("\n")[0];
    const csv = formatReportCsv(adapter).split("\n");
    expect(csv[0]).toBe(header);
    expect(csv.slice(1, -1).every((line) => line.split(",")[header.split(",").indexOf("peft")] === "True")).toBe(true);
  });

  it("with its base: each lora_W_plus_AB judged by its r largest eigenvalues, as the reference does", () => {
    const rows = reference("lora-with-base.details.csv");
    const lora = rows.filter((r) => /lora_(BA|W_plus_AB)$/.test(r.name));
    expect(lora.map((r) => r.name).sort()).toEqual(withBase.layers.map((l) => l.name).sort());
    for (const row of lora) {
      const layer = withBase.layers.find((l) => l.name === row.name)!;
      // the reference numbers a PEFT state dict's base_layer, lora_BA and lora_W_plus_AB entries;
      // heavytail reads the adapter's own file, where there is no base_layer
      expectReferenceRow({ ...row, layer_id: String(layer.layer_id) }, layer);
    }
    expect(withBase.layers.find((l) => l.name.endsWith("q_proj.lora_W_plus_AB"))!.num_evals).toBe(12);
    // the reference also analyses each base_layer, the base's own W: not part of an adapter's report
    expect(rows.filter((r) => r.name.endsWith(".base_layer")).length).toBe(2);
    expect(formatReportCsv(withBase).split("\n")[0]).not.toContain("delta_W");
  });
});
