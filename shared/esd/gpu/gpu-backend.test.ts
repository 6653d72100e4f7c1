import { GPU } from "gpu.js";
import { describe, expect, it } from "vitest";
import { gpuBackend } from "./gpu-backend.ts";

describe("gpuBackend", () => {
  it("names the backend an instance was given", () => {
    expect(gpuBackend(new GPU({ mode: "cpu" }))).toBe("cpu");
    expect(gpuBackend(new GPU({ mode: "webasm" }))).toBe("webasm");
  });

  it("looks through mode 'async' to the kernel class gpu.js chose", () => {
    // Node here has no GL context, so auto-selection ends on the WebAssembly backend
    expect(gpuBackend(new GPU({ mode: "async" }))).toBe("webasm");
  });
});
