import { describe, expect, it } from "vitest";
import type { TensorInfo } from "../safetensors/types.ts";
import { baseTensorFor, planLoraWithBase } from "./plan-lora-with-base.ts";

const f32 = (name: string, shape: number[], begin: number, file = "adapter_model.safetensors"): TensorInfo => ({
  name,
  dtype: "F32",
  shape,
  begin,
  end: begin + 4 * shape.reduce((p, d) => p * d, 1),
  file,
});
const prefix = "base_model.model.model.layers.0.self_attn";

describe("planLoraWithBase", () => {
  const a = f32(`${prefix}.q_proj.lora_A.weight`, [16, 64], 0);
  const b = f32(`${prefix}.q_proj.lora_B.weight`, [48, 16], a.end);
  const va = f32(`${prefix}.v_proj.lora_A.weight`, [16, 64], b.end);
  const vb = f32(`${prefix}.v_proj.lora_B.weight`, [32, 16], va.end);
  const ka = f32(`${prefix}.k_proj.lora_A.weight`, [16, 64], vb.end);
  const kb = f32(`${prefix}.k_proj.lora_B.weight`, [32, 16], ka.end);

  it("keeps each lora_BA and turns lora_B into lora_W_plus_AB (lora_B's layer_id) against the base's W", () => {
    const w = f32("model.layers.0.self_attn.q_proj.weight", [48, 64], 0, "model.safetensors");
    const plans = planLoraWithBase([a, b], [w]);
    expect(plans[0]).toMatchObject({ layer_id: 0, name: `${prefix}.q_proj.lora_BA`, lora: { r: 16 } });
    expect(plans[1]).toMatchObject({ layer_id: 1, name: `${prefix}.q_proj.lora_W_plus_AB`, layer_type: "dense", rows: 48, cols: 64, N: 64, M: 48, rf: 1, scale: 1 });
    expect(plans[1].skip_reason).toBeUndefined();
    expect(plans[1].base).toEqual({ tensor: w, bias: null, baseBias: null });
    expect(plans[1].merge).toEqual({ r: 16, a, b });
    expect(plans[1].tensor).toMatchObject({ name: `${prefix}.q_proj.lora_W_plus_AB.weight`, shape: [48, 64], file: "adapter_model.safetensors" });
  });

  it("skips a module the base lacks, or holds in another shape than [out, in] (transposed included)", () => {
    const wv = f32("model.layers.0.self_attn.v_proj.weight", [64, 32], 0, "model.safetensors");
    const plans = planLoraWithBase([a, b, va, vb], [wv]);
    expect(plans[1].skip_reason).toBe("the base model has no tensor for this adapted module: no W + B·A");
    expect(plans[3]).toMatchObject({ name: `${prefix}.v_proj.lora_W_plus_AB`, skip_reason: "the base's model.layers.0.self_attn.v_proj.weight is [64, 32], not B·A's [32, 64]: no W + B·A" });
  });

  it("skips W + B·A when its lora_BA is skipped (rank under 10)", () => {
    const a8 = f32(`${prefix}.k_proj.lora_A.weight`, [8, 64], 0);
    const b8 = f32(`${prefix}.k_proj.lora_B.weight`, [32, 8], a8.end);
    const w = f32("model.layers.0.self_attn.k_proj.weight", [32, 64], 0, "model.safetensors");
    const plans = planLoraWithBase([a8, b8], [w]);
    expect(plans[1].skip_reason).toMatch(/^its lora_BA is not analysed: /);
    expect(planLoraWithBase([ka, kb], [w])[1].skip_reason).toBeUndefined();
  });

  it("finds the base tensor with or without PEFT's base_model.model. prefix, or as a base_layer", () => {
    const t = (name: string) => f32(name, [1, 1], 0);
    const by = (...names: string[]) => new Map(names.map((n) => [n, t(n)]));
    expect(baseTensorFor(a.name, by("model.layers.0.self_attn.q_proj.weight"))?.name).toBe("model.layers.0.self_attn.q_proj.weight");
    expect(baseTensorFor(a.name, by(`${prefix}.q_proj.base_layer.weight`))?.name).toBe(`${prefix}.q_proj.base_layer.weight`);
    expect(baseTensorFor(`${prefix}.q_proj.lora_A.default.weight`, by("model.layers.0.self_attn.q_proj.weight"))?.name).toBe("model.layers.0.self_attn.q_proj.weight");
    expect(baseTensorFor(a.name, by("other.weight"))).toBeUndefined();
  });
});
