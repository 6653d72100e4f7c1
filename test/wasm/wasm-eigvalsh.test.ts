import { beforeAll, describe, expect, it } from "vitest";
import { createWasmLinalg, eigvalsh as jsEigvalsh, WasmLinalgError } from "#shared/linalg";
import { compiledLinalgModule } from "./compiled-linalg.ts";
import { testMatrices } from "./test-matrices.ts";
import reference from "./eigvalsh-reference.json" with { type: "json" };

let module: WebAssembly.Module;
beforeAll(async () => {
  module = await compiledLinalgModule();
});

/** max |x_i − y_i| / max |y| */
function relativeError(x: Float64Array, y: ArrayLike<number>): number {
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < y.length; i++) {
    scale = Math.max(scale, Math.abs(y[i]));
    diff = Math.max(diff, Math.abs(x[i] - y[i]));
  }
  return scale === 0 ? diff : diff / scale;
}

// one-stage (the default below 2048), two-stage with the default bandwidth, and narrow bands
// that make the bulge chase run through many blocks
const variants = [
  { label: "one-stage", options: { twoStageFrom: Number.MAX_SAFE_INTEGER } },
  { label: "two-stage, band 32", options: { twoStageFrom: 1 } },
  { label: "two-stage, band 3", options: { twoStageFrom: 1, blockSize: 3 } },
  { label: "one-stage, panel 5", options: { twoStageFrom: Number.MAX_SAFE_INTEGER, blockSize: 5 } },
];

describe("WASM eigvalsh against numpy (precomputed) and the JS solver", () => {
  const refs = reference.reference as Record<string, number[]>;
  for (const { label, options } of variants) {
    it(`agrees within 1e-13·λmax (${label})`, () => {
      const engine = createWasmLinalg(module, options);
      for (const { name, n, a } of testMatrices()) {
        const input = a.slice();
        const w = engine.eigvalsh(n, input);
        expect(w.length, name).toBe(n);
        expect(relativeError(w, refs[name]), name).toBeLessThan(1e-13);
        expect(relativeError(w, jsEigvalsh(n, a.slice())), name).toBeLessThan(1e-13);
        for (let i = 1; i < n; i++) expect(w[i], name).toBeGreaterThanOrEqual(w[i - 1]);
        expect(input, `${name}: input untouched`).toEqual(a);
      }
    });
  }

  it("reads only the lower triangle, as numpy's default UPLO='L'", () => {
    const engine = createWasmLinalg(module);
    const { n, a } = testMatrices().find((m) => m.name === "indefinite 67")!;
    const lowerOnly = a.slice();
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lowerOnly[i * n + j] = 1e300;
    expect(relativeError(engine.eigvalsh(n, lowerOnly), refs["indefinite 67"])).toBeLessThan(1e-13);
  });

  it("keeps relative accuracy for matrices scaled far from 1", () => {
    const engine = createWasmLinalg(module);
    const { n, a } = testMatrices().find((m) => m.name === "gram 100x33")!;
    for (const scale of [1e-300, 1e-160, 1e160, 1e300]) {
      const w = engine.eigvalsh(n, a.map((x) => x * scale));
      expect(relativeError(w.map((x) => x / scale), refs["gram 100x33"]), `scale ${scale}`).toBeLessThan(1e-13);
    }
  });

  it("handles the zero matrix and order 0", () => {
    const engine = createWasmLinalg(module);
    expect(Array.from(engine.eigvalsh(6, new Float64Array(36)))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(engine.eigvalsh(0, new Float64Array(0)).length).toBe(0);
  });

  it("raises typed errors on NaN, infinity and malformed arguments", () => {
    const engine = createWasmLinalg(module);
    const a = testMatrices()[8].a.slice();
    a[5 * 33 + 2] = Number.NaN;
    expect(() => engine.eigvalsh(33, a)).toThrow(expect.objectContaining({ code: "non_finite_input" }));
    a[5 * 33 + 2] = Number.POSITIVE_INFINITY;
    expect(() => engine.eigvalsh(33, a)).toThrow(WasmLinalgError);
    expect(() => engine.eigvalsh(33, new Float64Array(10))).toThrow(expect.objectContaining({ code: "bad_argument" }));
    expect(() => engine.eigvalsh(-1, new Float64Array(0))).toThrow(expect.objectContaining({ code: "bad_argument" }));
    expect(() => engine.eigvalsh(2.5, new Float64Array(9))).toThrow(expect.objectContaining({ code: "bad_argument" }));
    // the engine is still usable after an error, and gave its memory back
    expect(engine.eigvalsh(1, new Float64Array([4]))[0]).toBe(4);
  });
});
