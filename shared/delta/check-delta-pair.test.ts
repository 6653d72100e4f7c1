import { describe, expect, it } from "vitest";
import type { TensorInfo } from "../safetensors/types.ts";
import { checkDeltaPair } from "./check-delta-pair.ts";
import { DeltaError } from "./delta-error.ts";

const t = (name: string): TensorInfo => ({ name, dtype: "F32", shape: [16, 16], begin: 0, end: 1024, file: "m" });

describe("checkDeltaPair", () => {
  const full = { kind: "safetensors" as const, tensors: [t("a.weight")] };
  it("accepts two full models of one family of formats", () => {
    expect(() => checkDeltaPair(full, { ...full, kind: "pytorch" })).not.toThrow();
    expect(() => checkDeltaPair({ ...full, kind: "gguf" }, { ...full, kind: "gguf" })).not.toThrow();
  });
  it("refuses adapters and GGUF against another format", () => {
    const adapter = { kind: "safetensors" as const, tensors: [t("x.lora_A.weight"), t("x.lora_B.weight")] };
    expect(() => checkDeltaPair(adapter, full)).toThrow(DeltaError);
    expect(() => checkDeltaPair(full, adapter)).toThrow(/the base is a LoRA adapter/);
    expect(() => checkDeltaPair({ ...full, kind: "gguf" }, full)).toThrow(/the model is gguf and the base safetensors/);
  });
});
