import { describe, expect, it } from "vitest";
import type { TensorInfo } from "../safetensors/types.ts";
import { planLayers } from "./plan-layers.ts";

const f32 = (name: string, shape: number[], begin: number, file = "adapter_model.safetensors"): TensorInfo => ({
  name,
  dtype: "F32",
  shape,
  begin,
  end: begin + 4 * shape.reduce((p, d) => p * d, 1),
  file,
});
const prefix = "base_model.model.model.layers.0.self_attn";

describe("planLayers on a LoRA adapter", () => {
  it("makes one lora_BA layer of each lora_A/lora_B pair, with lora_A's layer_id, B·A's N and M and both byte ranges", () => {
    const a = f32(`${prefix}.q_proj.lora_A.weight`, [16, 64], 100);
    const b = f32(`${prefix}.q_proj.lora_B.weight`, [48, 16], a.end);
    const plans = planLayers([a, b]);
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatchObject({ layer_id: 0, name: `${prefix}.q_proj.lora_BA`, layer_type: "dense", N: 64, M: 48, rows: 48, cols: 64, rf: 1 });
    expect(plans[0].lora).toEqual({ r: 16, in: 64, out: 48, aOffset: 0, bOffset: 16 * 64 });
    expect(plans[0].tensor).toMatchObject({ begin: a.begin, end: b.end, shape: [48, 64] });
    expect(plans[1]).toMatchObject({ layer_id: 1, skip_reason: `the lora_B half of ${prefix}.q_proj.lora_BA` });
  });

  it("skips what the reference drops: rank under 10 (PEFT's default r = 8), other tensors, unpaired or unaligned matrices", () => {
    const a8 = f32(`${prefix}.k_proj.lora_A.weight`, [8, 64], 0);
    const b8 = f32(`${prefix}.k_proj.lora_B.weight`, [64, 8], a8.end);
    const lone = f32(`${prefix}.o_proj.lora_A.weight`, [16, 64], b8.end);
    const head = f32("base_model.model.lm_head.weight", [64, 64], lone.end);
    const emb = f32("base_model.model.model.embed_tokens.lora_embedding_A.weight", [16, 100], head.end);
    const plans = planLayers([a8, b8, emb, head, lone]);
    expect(plans.map((p) => p.layer_type)).toEqual(["other", "other", "other", "other", "other"]);
    expect(plans[0].skip_reason).toMatch(/^lora_A or lora_B too small: 8 eigenvalues/);
    expect(plans[2].skip_reason).toMatch(/does not pair/);
    expect(plans[3].skip_reason).toMatch(/not a LoRA matrix/);
    expect(plans[4].skip_reason).toBe("a lora_A matrix without its lora_B");
  });

  it("skips a pair whose halves are not side by side in one file, which heavytail reads as one range", () => {
    const a = f32(`${prefix}.q_proj.lora_A.weight`, [16, 64], 0);
    const b = f32(`${prefix}.q_proj.lora_B.weight`, [48, 16], a.end + 4);
    expect(planLayers([a, b])[0].skip_reason).toMatch(/side by side/);
    const c = f32(`${prefix}.q_proj.lora_B.weight`, [48, 17], a.end);
    expect(planLayers([a, c])[0].skip_reason).toMatch(/do not align/);
  });

  it("leaves a model without lora_A tensors to the ordinary planner", () => {
    expect(planLayers([f32("x.weight", [20, 30], 0)])[0]).toMatchObject({ layer_type: "dense", N: 30, M: 20 });
  });
});
