import { GPU } from "gpu.js";
import { describe, expect, it } from "vitest";
import { runsOnGpu } from "./runs-on-gpu.ts";

describe("runsOnGpu", () => {
  it("does not take gpu.js's fallbacks in Node for a GPU, although GPU.isGPUSupported says true", () => {
    expect(GPU.isGPUSupported).toBe(true);
    expect(runsOnGpu(new GPU())).toBe(false);
    expect(runsOnGpu(new GPU({ mode: "cpu" }))).toBe(false);
    expect(runsOnGpu(new GPU({ mode: "async" }))).toBe(false);
  });

  it("takes the GL and WebGPU backends for a GPU", () => {
    for (const mode of ["gpu", "webgl", "webgl2", "headlessgl", "webgpu"]) expect(runsOnGpu({ mode })).toBe(true);
  });
});
