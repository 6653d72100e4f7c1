import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { planLayers } from "./plan-layers.ts";
import { listModelTensors } from "../safetensors/list-model-tensors.ts";
import { memoryByteSource } from "../safetensors/memory-byte-source.ts";
import type { TensorInfo } from "../safetensors/types.ts";

function tensor(name: string, shape: number[]): TensorInfo {
  return { name, dtype: "F32", shape, begin: 0, end: 0, file: "m.safetensors" };
}

/** The reference's rows for the fixture, keyed by name: layer_id, N, M, Q, rf, layer_type. */
function referenceRows() {
  const text = readFileSync(new URL("../../test/fixtures/ppocrv4_rec/reference.details.csv", import.meta.url), "utf8");
  const [head, ...lines] = text.trim().split("\n");
  const columns = head.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    const get = (c: string) => cells[columns.indexOf(c)];
    return {
      layer_id: Number(get("layer_id")),
      name: get("name"),
      N: Number(get("N")),
      M: Number(get("M")),
      Q: Number(get("Q")),
      rf: Number(get("rf")),
      layer_type: get("layer_type"),
    };
  });
}

describe("planLayers", () => {
  it("reproduces every row of the reference on the real fixture (layer_id, N, M, Q, rf, type) and analyses no other layer", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../test/fixtures/ppocrv4_rec/model.safetensors", import.meta.url)));
    const { tensors } = await listModelTensors({ files: ["model.safetensors"], open: () => memoryByteSource("model.safetensors", bytes) });
    const plans = planLayers(tensors);
    const analysed = plans.filter((p) => p.skip_reason === undefined);
    const reference = referenceRows();
    expect(analysed.map((p) => ({ layer_id: p.layer_id, name: p.name, N: p.N, M: p.M, Q: p.N / p.M, rf: p.rf, layer_type: p.layer_type }))).toEqual(
      [...reference].sort((a, b) => a.layer_id - b.layer_id),
    );
    expect(plans.map((p) => p.layer_id)).toEqual(plans.map((_, i) => i));
  });

  it("gives every .weight tensor a layer id, analysed or not, lists other weight matrices as skipped after them, and ignores the rest", () => {
    const plans = planLayers([
      tensor("norm.weight", [64]),
      tensor("norm.bias", [64]),
      tensor("scale.weight", []),
      tensor("fc.weight", [32, 64]),
      tensor("fc.weight_g", [32, 64]),
      tensor("lstm.weight_ih_l0", [256, 64]),
      tensor("lstm.bias_ih_l0", [256]),
      tensor("fc.weight_v", [32]),
      tensor("rnn.weight", [4, 32, 64]),
    ]);
    expect(plans.map((p) => [p.layer_id, p.name, p.layer_type])).toEqual([
      [0, "norm", "other"],
      [1, "scale", "other"],
      [2, "fc", "dense"],
      [3, "rnn", "other"],
      [4, "fc.weight_g", "other"],
      [5, "lstm.weight_ih_l0", "other"],
    ]);
    expect(plans[5].skip_reason).toMatch(/256 × 64 weight named "weight_ih_l0", not "weight": the reference analyses only tensors named \*\.weight/);
    expect(plans[0].skip_reason).toMatch(/1-D/);
    expect(plans[1].skip_reason).toMatch(/0-D/);
    expect(plans[2].skip_reason).toBeUndefined();
    expect(plans[3].skip_reason).toMatch(/3-D/);
  });

  it("plans dense layers: N = max, M = min, rf 1, scale 1", () => {
    const [wide, tall] = planLayers([tensor("a.weight", [768, 3072]), tensor("b.weight", [3072, 768])]);
    expect(wide).toMatchObject({ rows: 768, cols: 3072, N: 3072, M: 768, rf: 1, scale: 1, layer_type: "dense" });
    expect(tall).toMatchObject({ rows: 3072, cols: 768, N: 3072, M: 768 });
  });

  it("applies the skip rules with reasons a person understands", () => {
    const plans = planLayers([
      tensor("wte.weight", [50257, 768]),
      tensor("wpe.weight", [1024, 768]),
      tensor("row.weight", [1, 768]),
      tensor("small.weight", [100, 9]),
      tensor("ten.weight", [100, 10]),
      tensor("huge.weight", [16000, 16000]),
      tensor("edge.weight", [15000, 15000]),
      tensor("depthwise.weight", [16, 1, 3, 3]),
    ]);
    const reasons = Object.fromEntries(plans.map((p) => [p.name, p.skip_reason]));
    expect(reasons.wte).toMatch(/N = 50257 exceeds .* 50000/);
    expect(reasons.wpe).toBeUndefined();
    expect(reasons.row).toMatch(/fewer than 2 rows/);
    expect(reasons.small).toMatch(/too small: 9 eigenvalues/);
    expect(reasons.ten).toBeUndefined();
    expect(reasons.huge).toMatch(/too large: 16000 eigenvalues/);
    expect(reasons.edge).toBeUndefined();
    expect(reasons.depthwise).toMatch(/too small: 9 eigenvalues \(M·rf = 1·9\)/);
  });

  it("plans conv2d layers with √½ in float32 and the reference's N/M swap quirk", () => {
    const plans = planLayers([
      tensor("down.weight", [64, 32, 3, 3]),
      tensor("up_odd.weight", [60, 480, 1, 3]),
      tensor("up_even.weight", [32, 64, 3, 2]),
      tensor("up_one.weight", [60, 240, 1, 1]),
      tensor("square.weight", [16, 16, 2, 2]),
      tensor("looks_first.weight", [2, 3, 3, 3]),
    ]);
    const dims = Object.fromEntries(plans.map((p) => [p.name, [p.rows, p.cols, p.rf, p.N, p.M]]));
    expect(dims.down).toEqual([64, 32, 9, 64, 32]);
    expect(dims.up_odd).toEqual([60, 480, 3, 480, 60]);
    expect(dims.up_even).toEqual([32, 64, 6, 32, 64]);
    expect(dims.up_one).toEqual([60, 240, 1, 240, 60]);
    expect(dims.square).toEqual([16, 16, 4, 16, 16]);
    expect(dims.looks_first).toEqual([2, 3, 9, 2, 3]);
    expect(plans[0].scale).toBe(Math.fround(Math.SQRT1_2));
    expect(plans[0].scale).toBe(0.7071067690849304);
    expect(plans.every((p) => p.layer_type === "conv2d")).toBe(true);
  });

  it("skips a tensor whose values cannot be read with its reason, unless the reference skips it anyway", () => {
    const unreadable = (name: string, shape: number[]) => ({ ...tensor(name, shape), unreadable: "unsupported quantization IQ2_XS" });
    const plans = planLayers([unreadable("q.weight", [64, 64]), unreadable("embed.weight", [60000, 64]), unreadable("norm.weight", [64])]);
    expect(plans.map((p) => p.skip_reason)).toEqual(["unsupported quantization IQ2_XS", expect.stringMatching(/N = 60000/), expect.stringMatching(/1-D/)]);
    expect(plans[0]).toMatchObject({ layer_type: "dense", N: 64, M: 64 });
  });

  it("skips on the swapped M when the quirk leaves N < M", () => {
    // out < in with rf even: M = in = 4000, M·rf = 16000 > 15000 although the smaller side is 64
    const [plan] = planLayers([tensor("c.weight", [64, 4000, 2, 2])]);
    expect(plan).toMatchObject({ N: 64, M: 4000 });
    expect(plan.skip_reason).toMatch(/16000 eigenvalues/);
  });
});
