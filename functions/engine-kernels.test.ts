import { describe, expect, it } from "vitest";
import linalgModule from "../build/heavytail-linalg.wasm";
import relaxedLinalgModule from "../build/heavytail-linalg-relaxed.wasm";
import { createWasmLinalg, hasRelaxedSimd } from "#shared/linalg";
import { workerKernels } from "./engine.ts";

// workerd ships relaxed SIMD: the Worker takes the relaxed build (the Gram's multiply-add as
// f64x2.relaxed_madd), whose Grams are the SIMD build's bit for bit (test/wasm/relaxed-simd.test.ts).
describe("the Worker's kernels", () => {
  it("are the relaxed-SIMD build where workerd validates relaxed SIMD", () => {
    expect(hasRelaxedSimd()).toBe(true);
    expect(workerKernels).toBe("relaxed-simd");
  });

  it("give the SIMD build's Gram and eigenvalues bit for bit", () => {
    let s = 12345;
    const rows = 300;
    const cols = 70;
    const w = Float32Array.from({ length: rows * cols }, () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5);
    const [a, b] = [linalgModule, relaxedLinalgModule].map((module) => {
      const g = createWasmLinalg(module).createGram(cols);
      g.addRows(w);
      const full = g.toArray();
      const eigenvalues = g.eigenvalues();
      return [...new BigUint64Array(full.buffer), ...new BigUint64Array(eigenvalues.buffer)];
    });
    expect(b).toEqual(a);
  });
});
