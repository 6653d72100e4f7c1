import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openLocalModel } from "../cli/open-local-model.ts";
import { analyzeModel } from "#shared/analyze";
import { validateReport } from "#shared/report";
import { jacobiSingularValues } from "#shared/linalg";
import { ADAPTER_CONFIG_JSON, encodeLoraAdapter, LORA_IN, LORA_OUT, LORA_R, loraAdapterTensors, loraName } from "./helpers/write-lora-adapter.ts";

function adapterFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "heavytail-lora-"));
  writeFileSync(join(dir, "adapter_model.safetensors"), encodeLoraAdapter());
  writeFileSync(join(dir, "adapter_config.json"), ADAPTER_CONFIG_JSON);
  writeFileSync(join(dir, "README.md"), "# adapter");
  return dir;
}

/** svd(B·A)², descending, with B·A formed in float64 from the stored float32 values. */
function productEigenvalues(module: keyof typeof LORA_OUT): number[] {
  const tensors = loraAdapterTensors();
  const a = tensors.find((t) => t.name === loraName(module, "lora_A"))!.values;
  const b = tensors.find((t) => t.name === loraName(module, "lora_B"))!.values;
  const out = LORA_OUT[module];
  const rows = Array.from({ length: out }, (_, o) => {
    const row = new Float64Array(LORA_IN);
    for (let j = 0; j < LORA_IN; j++) for (let i = 0; i < LORA_R; i++) row[j] += b[o * LORA_R + i] * a[i * LORA_IN + j];
    return row;
  });
  const columns = Array.from({ length: LORA_IN }, (_, j) => Float64Array.from(rows, (row) => row[j]));
  return [...jacobiSingularValues(out >= LORA_IN ? columns : rows)].map((s) => s * s).sort((x, y) => y - x);
}

describe("a PEFT LoRA adapter folder, through openLocalModel and analyzeModel", () => {
  it("reports one lora_BA layer per pair with its r eigenvalues, the reference's N and M, and the adapter's config", async () => {
    const opened = openLocalModel(adapterFolder());
    expect(opened.model.files).toEqual(["adapter_model.safetensors"]);
    const report = await analyzeModel(opened.model, opened.description, { randomize: true, seed: 3, engine: "js" });
    expect(validateReport(JSON.parse(JSON.stringify(report))).ok).toBe(true);
    expect(report.model.adapter).toEqual({
      peft_type: "LORA",
      r: LORA_R,
      lora_alpha: 24,
      target_modules: ["q_proj", "v_proj"],
      base_model_name_or_path: 'TinyLlama/<tiny>&"llama"',
    });
    expect(report.layers.map((l) => [l.layer_id, l.name, l.N, l.M, l.num_evals])).toEqual([
      [0, "base_model.model.model.layers.0.self_attn.q_proj.lora_BA", 40, 40, LORA_R],
      [2, "base_model.model.model.layers.0.self_attn.v_proj.lora_BA", 40, 24, LORA_R],
    ]);
    expect(report.skipped.map((s) => s.layer_id)).toEqual([1, 3]);
    for (const [layer, module] of [[report.layers[0], "q_proj"], [report.layers[1], "v_proj"]] as const) {
      const want = productEigenvalues(module);
      expect(Math.abs(layer.lambda_max! - want[0]) / want[0]).toBeLessThan(1e-10);
      // Σ of the r eigenvalues is ‖BA‖²_F: the product has no other nonzero singular value
      expect(Math.abs(layer.norm! - want.reduce((s, v) => s + v, 0)) / layer.norm!).toBeLessThan(1e-10);
      expect(layer.matrix_rank).toBe(LORA_R);
      expect(layer.shape).toEqual([LORA_OUT[module], LORA_IN]);
    }
  });
});
