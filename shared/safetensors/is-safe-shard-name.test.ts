import { describe, expect, it } from "vitest";
import { isSafeShardName } from "./is-safe-shard-name.ts";

describe("isSafeShardName", () => {
  it("accepts plain shard names and refuses paths, other files and odd characters", () => {
    expect(isSafeShardName("model-00001-of-00002.safetensors")).toBe(true);
    expect(isSafeShardName("diffusion_pytorch_model.safetensors")).toBe(true);
    for (const name of ["../model.safetensors", "a/b.safetensors", "a\\b.safetensors", "C:x.safetensors", ".hidden.safetensors", "model.bin", "a\u0000.safetensors", `${"x".repeat(300)}.safetensors`]) {
      expect(isSafeShardName(name), name).toBe(false);
    }
  });
});
