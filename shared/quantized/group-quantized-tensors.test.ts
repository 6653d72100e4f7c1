import { describe, expect, it } from "vitest";
import type { TensorInfo } from "../safetensors/types.ts";
import { groupQuantizedTensors, looksQuantized } from "./group-quantized-tensors.ts";
import { parseQuantizationConfig } from "./parse-quantization-config.ts";
import { planLayers } from "../plan/plan-layers.ts";

let at = 0;
const t = (name: string, dtype: string, shape: number[], file = "model.safetensors"): TensorInfo => {
  const size = { I32: 4, F16: 2, F32: 4, U8: 1, F8_E4M3: 1, I8: 1, F8_E8M0: 1 }[dtype]!;
  const bytes = shape.reduce((p, d) => p * d, 1) * size;
  const info = { name, dtype: dtype as TensorInfo["dtype"], shape, begin: at, end: at + bytes, file };
  at += bytes;
  return info;
};
const gptq = (p: string, inF = 64, out = 48, groups = 4, file?: string) => [
  t(`${p}.g_idx`, "I32", [inF], file), t(`${p}.qweight`, "I32", [inF / 8, out], file), t(`${p}.qzeros`, "I32", [groups, out / 8], file), t(`${p}.scales`, "F16", [groups, out], file),
];
const config = (q: object) => parseQuantizationConfig({ quantization_config: q });

describe("groupQuantizedTensors", () => {
  it("makes GPTQ parts one `.weight` at the place of qweight, without a config (bits from g_idx, zeros v1)", () => {
    const tensors = [t("a.bias", "F16", [48]), ...gptq("a"), t("b.weight", "F32", [16, 16])];
    const { tensors: out, method } = groupQuantizedTensors(tensors, null);
    expect(method).toBe("gptq");
    expect(out.map((x) => [x.name, x.dtype, x.shape])).toEqual([["a.bias", "F16", [48]], ["a.weight", "GPTQ_INT4", [48, 64]], ["b.weight", "F32", [16, 16]]]);
    expect(out[1].quantized).toMatchObject({ scheme: "gptq", bits: 4, groupSize: 16, zeroOffset: 1 });
    expect(planLayers(out).map((p) => [p.layer_id, p.name, p.skip_reason])).toEqual([[0, "a", undefined], [1, "b", undefined]]);
  });

  it("tells AWQ from GPTQ by its shapes when there is no config, and takes group_size, bits and formats from one", () => {
    const awq = [t("m.qweight", "I32", [64, 5]), t("m.qzeros", "I32", [2, 5]), t("m.scales", "F16", [2, 40])];
    expect(groupQuantizedTensors(awq, null).tensors[0]).toMatchObject({ name: "m.weight", dtype: "AWQ_INT4", shape: [40, 64], quantized: { groupSize: 32 } });
    const v2 = groupQuantizedTensors(gptq("a"), config({ quant_method: "gptq", bits: 4, group_size: 16, checkpoint_format: "gptq_v2" }));
    expect(v2.tensors[0].quantized).toMatchObject({ zeroOffset: 0 });
  });

  it("lists unsupported variants skipped with the reason, in their float shape", () => {
    const marlin = groupQuantizedTensors(gptq("a"), config({ quant_method: "gptq", bits: 4, group_size: 16, checkpoint_format: "marlin" })).tensors[0];
    expect(marlin).toMatchObject({ name: "a.weight", shape: [48, 64], unreadable: expect.stringMatching(/checkpoint_format "marlin"/) });
    const threeBit = groupQuantizedTensors([t("a.qweight", "I32", [6, 48]), t("a.qzeros", "I32", [4, 4.5 * 1]), t("a.scales", "F16", [4, 48])], config({ quant_method: "gptq", bits: 3, group_size: 16 })).tensors[0];
    expect(threeBit.unreadable).toMatch(/3-bit GPTQ weights are not dequantized/);
    const gemv = groupQuantizedTensors([t("m.qweight", "I32", [64, 5]), t("m.qzeros", "I32", [2, 5]), t("m.scales", "F16", [2, 40])], config({ quant_method: "awq", bits: 4, group_size: 32, version: "gemv" })).tensors[0];
    expect(gemv.unreadable).toMatch(/AWQ version "gemv"/);
    const split = groupQuantizedTensors([...gptq("a").slice(0, 2), ...gptq("a", 64, 48, 4, "other.safetensors").slice(2)], null).tensors[0];
    expect(split.unreadable).toMatch(/lie in different files/);
  });

  it("pairs an FP8 weight with its weight_scale_inv, inferring 128 × 128 blocks, and a single scale as one block", () => {
    const { tensors } = groupQuantizedTensors([t("o.weight", "F8_E4M3", [130, 300]), t("o.weight_scale_inv", "F32", [2, 3]), t("p.weight", "F8_E4M3", [20, 20]), t("p.weight_scale_inv", "F32", [])], null);
    expect(tensors.map((x) => [x.name, x.dtype, x.quantized?.scheme])).toEqual([["o.weight", "F8_E4M3_BLOCK", "fp8-block"], ["p.weight", "F8_E4M3_BLOCK", "fp8-block"]]);
    expect(tensors[0].quantized).toMatchObject({ blockRows: 128, blockCols: 128 });
    expect(tensors[1].quantized).toMatchObject({ blockRows: 20, blockCols: 20 });
    const wrong = groupQuantizedTensors([t("o.weight", "F8_E4M3", [130, 300]), t("o.weight_scale_inv", "F32", [5, 3])], config({ quant_method: "fp8", weight_block_size: [128, 128] }));
    expect(wrong.tensors[0].unreadable).toMatch(/does not cover \[130, 300\] in blocks of 128 × 128/);
  });

  it("splits merged MXFP4 experts into one `.weight` per expert and names a 2-D one `<param>.weight`", () => {
    const { tensors } = groupQuantizedTensors([t("l.mlp.experts.down_proj_blocks", "U8", [2, 24, 2, 16]), t("l.mlp.experts.down_proj_scales", "F8_E8M0", [2, 24, 2]), t("x.proj_blocks", "U8", [16, 1, 16]), t("x.proj_scales", "U8", [16, 1])], null);
    expect(tensors.map((x) => [x.name, x.shape])).toEqual([["l.mlp.experts.0.down_proj.weight", [24, 64]], ["l.mlp.experts.1.down_proj.weight", [24, 64]], ["x.proj.weight", [16, 32]]]);
    expect(tensors[1].quantized).toMatchObject({ blocks: { begin: tensors[0].quantized!.scheme === "mxfp4" ? (tensors[0].quantized as { blocks: { end: number } }).blocks.end : -1 } });
  });

  it("lists bitsandbytes and other schemes' weights skipped with a reason, their parts left out", () => {
    const bnb = groupQuantizedTensors(
      [t("q.weight", "U8", [1024, 1]), t("q.weight.absmax", "F32", [32]), t("q.weight.quant_map", "F32", [16]), t("q.weight.quant_state.bitsandbytes__nf4", "U8", [90]), t("k.SCB", "F32", [8]), t("k.weight", "I8", [8, 64]), t("k.weight_format", "U8", [])],
      null,
      new Map([["q.weight", [64, 32]]]),
    );
    expect(bnb.method).toBe("bitsandbytes");
    expect(bnb.tensors.map((x) => [x.name, x.shape, x.unreadable])).toEqual([
      ["q.weight", [64, 32], "bitsandbytes 4-bit (nf4) weights are not dequantized; analyse the original model"],
      ["k.weight", [8, 64], "bitsandbytes 8-bit (LLM.int8) weights are not dequantized; analyse the original model"],
    ]);
    const ct = groupQuantizedTensors([t("c.weight_packed", "I32", [32, 8]), t("c.weight_scale", "F16", [32, 2]), t("c.weight_shape", "I32", [2]), t("f.weight", "F8_E4M3", [32, 32]), t("f.weight_scale", "F32", [1])], config({ quant_method: "compressed-tensors" }));
    expect(ct.tensors.map((x) => [x.name, x.shape, x.unreadable])).toEqual([
      ["c.weight", [32, 64], "compressed-tensors packed 4-bit weights are not dequantized by heavytail; analyse the original model"],
      ["f.weight", [32, 32], "compressed-tensors weights stored as F8_E4M3 with weight_scale are not dequantized by heavytail; analyse the original model"],
    ]);
    expect(planLayers(ct.tensors).map((p) => p.skip_reason)).toEqual([expect.stringMatching(/packed 4-bit/), expect.stringMatching(/F8_E4M3 with weight_scale/)]);
  });

  it("leaves an unquantized model alone", () => {
    const plain = [t("a.weight", "F32", [16, 16]), t("a.bias", "F32", [16])];
    expect(looksQuantized(plain)).toBe(false);
    expect(groupQuantizedTensors(plain, null)).toEqual({ tensors: plain, method: null });
  });
});
