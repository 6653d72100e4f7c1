import { describe, expect, it } from "vitest";
import { planLayers } from "../plan/plan-layers.ts";
import type { TensorInfo } from "../safetensors/types.ts";
import { matchBaseLayers } from "./match-base-layers.ts";

const tensor = (name: string, shape: number[], file = "model.safetensors"): TensorInfo => ({ name, dtype: "F32", shape, begin: 0, end: 4 * shape.reduce((p, d) => p * d, 1), file });

describe("matchBaseLayers", () => {
  const model = [
    tensor("a.bias", [32]),
    tensor("a.weight", [32, 16]),
    tensor("b.weight", [40, 16]),
    tensor("c.weight", [16, 24]),
    tensor("d.weight", [20, 20]),
    tensor("e.weight", [8, 4, 3, 3]),
    tensor("new.weight", [16, 16]),
    tensor("tiny.weight", [4, 2]),
  ];
  const base = [
    tensor("a.bias", [32], "base-1.safetensors"),
    tensor("a.weight", [32, 16], "base-2.safetensors"),
    tensor("b.weight", [30, 16]),
    tensor("c.weight", [24, 16]),
    tensor("d.weight", [20, 20]),
    tensor("e.weight", [8, 4, 3, 3]),
    tensor("tiny.weight", [4, 2]),
  ];
  const plans = matchBaseLayers(planLayers(model), model, base);
  const byName = new Map(plans.map((p) => [p.name, p]));

  it("pairs each analysed layer with the base's tensor of the same name and shape, with both biases", () => {
    expect(byName.get("a")!.base).toEqual({ tensor: base[1], bias: model[0], baseBias: base[0] });
    expect(byName.get("d")!.base).toEqual({ tensor: base[4], bias: null, baseBias: null });
    expect(byName.get("e")!.base?.tensor).toBe(base[5]);
    expect(plans.map((p) => p.layer_id)).toEqual(planLayers(model).map((p) => p.layer_id));
  });

  it("skips, saying why, layers the base lacks, resized ones and transposed ones", () => {
    expect(byName.get("b")!.skip_reason).toBe("its shape [40, 16] differs from the base's [30, 16] (resized, or a new layer): no delta W − W_base");
    expect(byName.get("c")!.skip_reason).toBe("the base stores it transposed ([24, 16]); heavytail subtracts only tensors of one shape");
    expect(byName.get("new")!.skip_reason).toMatch(/^not in the base model/);
    expect(byName.get("b")!.base).toBeUndefined();
  });

  it("keeps the model's own skip reasons", () => {
    expect(byName.get("tiny")!.skip_reason).toBe(planLayers(model).find((p) => p.name === "tiny")!.skip_reason);
    expect(byName.get("a.bias")).toBeUndefined();
  });

  it("skips a layer whose base tensor the base does not analyse", () => {
    const unreadable = [{ ...base[4], unreadable: "unsupported quantization IQ2_XS" }];
    const [plan] = matchBaseLayers(planLayers([model[4]]), [model[4]], unreadable);
    expect(plan.skip_reason).toBe("the base's tensor is not analysed: unsupported quantization IQ2_XS");
  });
});
