import { describe, expect, it } from "vitest";
import { validateReport } from "./validate-report.ts";
import { makeReport } from "../../test/helpers/make-report.ts";
import { gpt2Layout } from "../../test/helpers/model-layouts.ts";

const base = () => JSON.parse(JSON.stringify(makeReport({ id: "a/b", family: "llama", createdAt: "2026-01-01T00:00:00Z", seed: 3, layers: gpt2Layout(1, 16) })));

describe("validateReport: model.format", () => {
  it("accepts reports without it (safetensors) and with a valid one", () => {
    expect(validateReport(base())).toMatchObject({ ok: true });
    const report = base();
    report.model.format = { kind: "gguf", file_type: "Q4_K_M", tensor_types: { F32: 3, Q4_K: 7 }, dequantized: true };
    expect(validateReport(report)).toMatchObject({ ok: true });
    report.model.format = { kind: "pytorch", file_type: null, tensor_types: {}, dequantized: false };
    expect(validateReport(report)).toMatchObject({ ok: true });
  });

  it("lists what is wrong with an invalid one", () => {
    const report = base();
    report.model.format = { kind: "onnx", file_type: 15, tensor_types: { Q4_K: 1.5 }, dequantized: "yes" };
    const result = validateReport(report);
    expect(result.ok ? [] : result.errors).toEqual([
      'report.model.format.kind: expected one of "safetensors", "pytorch", "gguf"',
      "report.model.format.file_type: expected a string or null",
      "report.model.format.tensor_types.Q4_K: expected an integer",
      "report.model.format.dequantized: expected a boolean",
    ]);
  });
});

describe("validateReport: model.adapter", () => {
  it("accepts reports without it and with a PEFT config, target_modules a list or a regular expression", () => {
    const report = base();
    report.model.adapter = { peft_type: "LORA", r: 16, lora_alpha: 32, target_modules: ["q_proj"], base_model_name_or_path: "org/base" };
    expect(validateReport(report)).toMatchObject({ ok: true });
    report.model.adapter = { peft_type: null, r: null, lora_alpha: null, target_modules: ".*proj", base_model_name_or_path: null };
    expect(validateReport(report)).toMatchObject({ ok: true });
  });

  it("lists what is wrong with an invalid one", () => {
    const report = base();
    report.model.adapter = { peft_type: 1, r: 1.5, lora_alpha: "32", target_modules: [3], base_model_name_or_path: {} };
    const result = validateReport(report);
    expect(result.ok ? [] : result.errors).toEqual([
      "report.model.adapter.peft_type: expected a string or null",
      "report.model.adapter.r: expected an integer",
      "report.model.adapter.lora_alpha: expected a finite number or null",
      "report.model.adapter.target_modules[0]: expected a string",
      "report.model.adapter.base_model_name_or_path: expected a string or null",
    ]);
  });
});

describe("validateReport: the randomization columns", () => {
  it("accepts v1 reports without ww_maxdist and rand_W_scale (made before they were added) and with them", () => {
    const report = base();
    expect(report.method.randomize).toBe(true);
    expect(report.layers[0].rand_num_spikes).toBeTypeOf("number");
    expect(report.layers[0].ww_maxdist).toBeUndefined();
    expect(validateReport(report)).toMatchObject({ ok: true });
    Object.assign(report.layers[0], { ww_maxdist: 0.25, rand_W_scale: null });
    expect(validateReport(report)).toMatchObject({ ok: true });
  });

  it("refuses them when they are not numbers", () => {
    const report = base();
    Object.assign(report.layers[0], { ww_maxdist: "0.25", rand_W_scale: Number.POSITIVE_INFINITY });
    const result = validateReport(report);
    expect(result.ok ? [] : result.errors).toEqual([
      "report.layers[0].ww_maxdist: expected a finite number or null",
      "report.layers[0].rand_W_scale: expected a finite number or null",
    ]);
  });
});

describe("validateReport: model.lineage", () => {
  it("accepts reports without it and with the bases a card, README, adapter config or GGUF names", () => {
    const report = base();
    report.model.lineage = {
      base_models: [
        { id: "org/base", relation: "finetune", source: "card" },
        { id: "org/other", relation: null, source: "gguf" },
      ],
    };
    expect(validateReport(report)).toMatchObject({ ok: true });
  });

  it("lists what is wrong with an invalid one", () => {
    const report = base();
    report.model.lineage = { base_models: [{ id: 3, relation: 1, source: "web" }] };
    const result = validateReport(report);
    expect(result.ok ? [] : result.errors).toEqual([
      "report.model.lineage.base_models[0].id: expected a string",
      "report.model.lineage.base_models[0].relation: expected a string or null",
      'report.model.lineage.base_models[0].source: expected one of "card", "readme", "adapter", "gguf"',
    ]);
  });
});

describe("validateReport: a delta analysis (method.base, delta_W, delta_b)", () => {
  const delta = () => {
    const report = base();
    report.method.base = { id: "org/base", source: "hub", revision: "main", sha: "a".repeat(40), files: [{ name: "model.safetensors", size: 10 }] };
    for (const layer of report.layers) Object.assign(layer, { delta_W: 1.5, delta_b: 0 });
    return report;
  };

  it("accepts a delta report, and reports without method.base or the distance columns", () => {
    expect(validateReport(delta())).toMatchObject({ ok: true });
    expect(validateReport(base())).toMatchObject({ ok: true });
  });

  it("needs the base's identity and both distances on every layer", () => {
    const report = delta();
    report.method.base.source = "web";
    delete report.layers[0].delta_b;
    report.layers[1].delta_W = "far";
    const result = validateReport(report);
    expect(result.ok ? [] : result.errors).toEqual([
      'report.method.base.source: expected one of "hub", "local"',
      "report.layers[1].delta_W: expected a finite number or null",
    ]);
    const missing = delta();
    delete missing.layers[0].delta_b;
    const second = validateReport(missing);
    expect(second.ok ? [] : second.errors).toEqual(["report.layers[0]: a delta analysis (method.base) gives every layer delta_W and delta_b"]);
  });
});
