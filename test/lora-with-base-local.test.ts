// A LoRA adapter analysed with its base (`--peft with_base`, docs/metrics.md §10), as the
// reference's peft="with_base": a small base holds q_proj and v_proj of one Llama block; the
// adapter (test/helpers/write-lora-adapter.ts, r = 12) adapts both. Each lora_W_plus_AB layer must
// carry exactly the numbers of an ordinary analysis of a materialized file of fl32(W + fl32(B·A)),
// and a few merged values are checked in float64 against the stored matrices.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockHub } from "./mock-hub/create-mock-hub.ts";
import type { MockHub } from "./mock-hub/types.ts";
import { chooseEngine } from "../cli/choose-engine.ts";
import { createLayerPool } from "../cli/create-layer-pool.ts";
import { openLocalModel } from "../cli/open-local-model.ts";
import { parseArgs, type AnalyzeArgs } from "../cli/parse-args.ts";
import { runCommand } from "../cli/run-command.ts";
import { analyzeModel, type AnalyzeModelOptions } from "#shared/analyze";
import { mergedValueReader } from "#shared/delta";
import { type AnalysedLayer, type Report, validateReport } from "#shared/report";
import { encodeSafetensors } from "./helpers/write-safetensors.ts";
import { LORA_IN, LORA_OUT, LORA_R, encodeLoraAdapter, loraAdapterTensors, loraBaseName, loraBaseTensors } from "./helpers/write-lora-adapter.ts";

type Module = keyof typeof LORA_OUT;
const MODULES = Object.keys(LORA_OUT) as Module[];
const mergedName = (m: Module) => `base_model.model.model.layers.0.self_attn.${m}.lora_W_plus_AB`;

let dir: string;
let withBase: Report;
let adapterOnly: Report;
let merged: Report;
const baseW = new Map<Module, Float32Array>();
const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) } satisfies AnalyzeModelOptions;
const baseDescription = { id: "base", source: "local" as const, revision: null, sha: null };

/** fl32(W + fl32(B·A)) with B·A's r products summed in float64, as heavytail computes it. */
function mergeValues(w: Float32Array, a: Float32Array, b: Float32Array, out: number): Float32Array {
  const m = new Float32Array(out * LORA_IN);
  for (let i = 0; i < out; i++) {
    for (let j = 0; j < LORA_IN; j++) {
      let s = 0;
      for (let k = 0; k < LORA_R; k++) s += b[i * LORA_R + k] * a[k * LORA_IN + j];
      m[i * LORA_IN + j] = w[i * LORA_IN + j] + Math.fround(s);
    }
  }
  return m;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "heavytail-with-base-"));
  const baseTensors = loraBaseTensors();
  for (const m of MODULES) baseW.set(m, baseTensors.find((t) => t.name === loraBaseName(m))!.values);
  mkdirSync(join(dir, "base"));
  writeFileSync(join(dir, "base", "model.safetensors"), encodeSafetensors(baseTensors.map((t) => ({ name: t.name, dtype: "F32" as const, shape: t.shape, data: t.values }))));
  mkdirSync(join(dir, "adapter"));
  writeFileSync(join(dir, "adapter", "adapter_model.safetensors"), encodeLoraAdapter());
  writeFileSync(join(dir, "adapter", "adapter_config.json"), JSON.stringify({ peft_type: "LORA", r: LORA_R, lora_alpha: 24, target_modules: MODULES, base_model_name_or_path: join(dir, "base") }));
  const tensors = new Map(loraAdapterTensors().map((t) => [t.name, t.values]));
  mkdirSync(join(dir, "merged"));
  writeFileSync(
    join(dir, "merged", "model.safetensors"),
    encodeSafetensors(
      MODULES.map((m) => {
        const a = tensors.get(`base_model.model.model.layers.0.self_attn.${m}.lora_A.weight`)!;
        const b = tensors.get(`base_model.model.model.layers.0.self_attn.${m}.lora_B.weight`)!;
        return { name: `${mergedName(m)}.weight`, dtype: "F32" as const, shape: [LORA_OUT[m], LORA_IN], data: mergeValues(baseW.get(m)!, a, b, LORA_OUT[m]) };
      }),
    ),
  );
  const adapter = openLocalModel(join(dir, "adapter"));
  const base = openLocalModel(join(dir, "base"));
  withBase = await analyzeModel(adapter.model, adapter.description, { ...options, peft: "with_base", base: { model: base.model, description: baseDescription } });
  adapterOnly = await analyzeModel(adapter.model, adapter.description, options);
  const m = openLocalModel(join(dir, "merged"));
  merged = await analyzeModel(m.model, m.description, options);
}, 120_000);


describe("a LoRA adapter analysed with its base (peft with_base)", () => {
  it("reports each lora_BA as the adapter alone does, and each lora_W_plus_AB with lora_B's layer_id", () => {
    expect(validateReport(JSON.parse(JSON.stringify(withBase)))).toEqual({ ok: true, report: expect.anything() });
    expect(withBase.method.base).toEqual({ ...baseDescription, files: [{ name: "model.safetensors", size: expect.any(Number) }] });
    const names = withBase.layers.map((l) => [l.layer_id, l.name]);
    expect(names).toEqual([
      [0, "base_model.model.model.layers.0.self_attn.q_proj.lora_BA"],
      [1, mergedName("q_proj")],
      [2, "base_model.model.model.layers.0.self_attn.v_proj.lora_BA"],
      [3, mergedName("v_proj")],
    ]);
    for (const layer of adapterOnly.layers) expect(withBase.layers.find((l) => l.name === layer.name)).toEqual(layer);
    expect(withBase.summary.notes.some((n) => n.includes('peft="with_base"'))).toBe(true);
  });

  it("is judged, as the reference does, by the r largest eigenvalues of the materialized W + B·A", () => {
    for (const m of MODULES) {
      const layer = withBase.layers.find((l) => l.name === mergedName(m))!;
      const plain = merged.layers.find((l) => l.name === mergedName(m))!;
      expect([layer.num_evals, layer.matrix_rank, layer.M, layer.N]).toEqual([LORA_R, LORA_R, plain.M, plain.N]);
      expect(layer.esd.tail).toEqual(plain.esd.tail.slice(0, layer.esd.tail.length));
      expect([layer.lambda_max, layer.sv_max]).toEqual([plain.lambda_max, plain.sv_max]);
      // the metrics of all M eigenvalues would be the plain layer's; these are of the top r only
      expect(layer.norm!).toBeLessThan(plain.norm!);
    }
  });

  it("merges in float32 as W + Σ_k B[i,k]·A[k,j], streamed from any first element", async () => {
    const tensors = new Map(loraAdapterTensors().map((t) => [t.name, t.values]));
    const a = tensors.get("base_model.model.model.layers.0.self_attn.v_proj.lora_A.weight")!;
    const b = tensors.get("base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight")!;
    const w = baseW.get("v_proj")!;
    const readW = async function* (first: number, count: number) {
      for (let e = first; e < first + count; e += 7) yield w.slice(e, Math.min(first + count, e + 7));
    };
    const got: number[] = [];
    for await (const chunk of mergedValueReader(readW, a, b, LORA_R, LORA_IN)(45, 100)) got.push(...chunk);
    expect(got.length).toBe(100);
    for (const e of [45, 46, 79, 80, 144]) {
      const i = Math.floor(e / LORA_IN);
      const j = e % LORA_IN;
      let s = 0;
      for (let k = 0; k < LORA_R; k++) s += b[i * LORA_R + k] * a[k * LORA_IN + j];
      expect(Math.abs(got[e - 45] - (w[e] + s))).toBeLessThanOrEqual(2 ** -22 * Math.abs(w[e] + s) + 1e-12);
      expect(got[e - 45]).toBe(Math.fround(w[e] + Math.fround(s)));
    }
  });

  it("gives the same report from worker threads that open the adapter's and the base's files themselves", async () => {
    const engine = await chooseEngine(null);
    const run = (runner?: ReturnType<typeof createLayerPool>) => {
      const adapter = openLocalModel(join(dir, "adapter"));
      const base = openLocalModel(join(dir, "base"));
      return analyzeModel(adapter.model, adapter.description, {
        ...options, engine: engine.name, eigvalsh: engine.eigvalsh, grams: engine.grams, runner, peft: "with_base",
        base: { model: base.model, description: baseDescription },
      });
    };
    const here = await run();
    const pool = createLayerPool({ threads: 2, memoryBytes: Infinity, location: { kind: "local", folder: join(dir, "adapter") }, baseLocation: { kind: "local", folder: join(dir, "base") }, module: engine.module ?? null });
    try {
      expect(await run(pool)).toEqual(here);
    } finally {
      await pool.close();
    }
  });

  it("is what the CLI's --peft with_base prints, the base taken from adapter_config.json", async () => {
    const out = join(dir, "report.json");
    const args = parseArgs(["analyze", join(dir, "adapter"), "--peft", "with_base", "--format", "json", "--engine", "js", "--threads", "1", "--out", out]) as AnalyzeArgs;
    await runCommand(args);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(report.method.base).toMatchObject({ id: "base", source: "local", revision: null, sha: null });
    expect(report.method.peft).toBe("with_base");
    expect(report.layers.map((l) => l.name)).toEqual(withBase.layers.map((l) => l.name));
    for (const layer of report.layers) {
      const same = withBase.layers.find((l) => l.name === layer.name)!;
      expect(layer.alpha).toBe(same.alpha);
      expect(layer.norm).toBe(same.norm);
    }
  });

  describe("through the Hub", () => {
    let hub: MockHub;
    beforeAll(async () => {
      mkdirSync(join(dir, "hub-adapter"));
      writeFileSync(join(dir, "hub-adapter", "adapter_model.safetensors"), encodeLoraAdapter());
      writeFileSync(join(dir, "hub-adapter", "adapter_config.json"), JSON.stringify({ peft_type: "LORA", r: LORA_R, lora_alpha: 24, target_modules: MODULES, base_model_name_or_path: "org/base" }));
      hub = await createMockHub({ repos: { "org/base": join(dir, "base"), "org/adapter": join(dir, "hub-adapter") } });
    });
    afterAll(() => hub?.close());

    it("opens the base the adapter config names and pins it to its commit in method.base", async () => {
      const saved = process.env.HF_ENDPOINT;
      process.env.HF_ENDPOINT = hub.url;
      try {
        const out = join(dir, "hub-report.json");
        await runCommand(parseArgs(["analyze", "org/adapter", "--peft", "with_base", "--format", "json", "--engine", "js", "--threads", "1", "--out", out]) as AnalyzeArgs);
        const report = JSON.parse(readFileSync(out, "utf8")) as Report;
        expect(report.method.base).toMatchObject({ id: "org/base", source: "hub", revision: "main", sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
        expect(validateReport(report)).toMatchObject({ ok: true });
        expect(report.layers.map((l) => [l.name, l.alpha])).toEqual(withBase.layers.map((l) => [l.name, l.alpha]));
      } finally {
        if (saved === undefined) delete process.env.HF_ENDPOINT;
        else process.env.HF_ENDPOINT = saved;
      }
    });
  });
});
