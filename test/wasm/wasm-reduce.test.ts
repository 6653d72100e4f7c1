import { beforeAll, describe, expect, it } from "vitest";
import { createWasmLinalg, eigvalsh as jsEigvalsh, smallEigenvectors } from "#shared/linalg";
import { createRng } from "#shared/metrics";
import { compiledLinalgModule } from "./compiled-linalg.ts";
import { gramOf, seededWeights, testMatrices } from "./test-matrices.ts";

let module: WebAssembly.Module;
beforeAll(async () => {
  module = await compiledLinalgModule();
});

// as in wasm-eigvalsh.test.ts: one-stage, two-stage (Q from the band reduction), narrow bands, small panels
const variants = [
  { label: "one-stage", options: { twoStageFrom: Number.MAX_SAFE_INTEGER } },
  { label: "two-stage, band 32", options: { twoStageFrom: 1 } },
  { label: "two-stage, band 3", options: { twoStageFrom: 1, blockSize: 3 } },
  { label: "one-stage, panel 5", options: { twoStageFrom: Number.MAX_SAFE_INTEGER, blockSize: 5 } },
];

/** Grams with an exact null space: the last `copies` columns of W repeat its first ones */
function nullSpaceCases(): { name: string; n: number; a: Float64Array; nullity: number }[] {
  return [[60, 40, 3, 1], [300, 130, 5, 2], [90, 71, 1, 3]].map(([rows, cols, copies, seed]) => {
    const w = seededWeights(rows, cols, seed);
    for (let r = 0; r < rows; r++) for (let c = 0; c < copies; c++) w[r * cols + cols - 1 - c] = w[r * cols + c];
    return { name: `gram ${rows}x${cols}, ${copies} repeated columns`, n: cols, a: gramOf(w, rows, cols), nullity: copies };
  });
}

function startVectors(n: number, k: number): Float64Array[] {
  const rng = createRng(7);
  return Array.from({ length: k }, () => Float64Array.from({ length: n }, () => rng.uniform() - 0.5));
}

/** ‖P_X − P_Y‖ (max entry) of the orthogonal projectors on two bases of the same dimension */
function projectorDistance(x: Float64Array[], y: Float64Array[]): number {
  const n = x[0].length;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (const u of x) d += u[i] * u[j];
      for (const v of y) d -= v[i] * v[j];
      worst = Math.max(worst, Math.abs(d));
    }
  }
  return worst;
}

/** max ‖G x‖ / λmax over the basis */
function nullResidual(n: number, a: Float64Array, x: Float64Array[], lambdaMax: number): number {
  let worst = 0;
  for (const u of x) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < n; j++) r += a[i * n + j] * u[j];
      s += r * r;
    }
    worst = Math.max(worst, Math.sqrt(s) / lambdaMax);
  }
  return worst;
}

describe("WASM eigvalsh.reduce", () => {
  for (const { label, options } of variants) {
    it(`gives eigvalsh's values bit for bit and leaves the input alone (${label})`, () => {
      const engine = createWasmLinalg(module, options);
      for (const { name, n, a } of [...testMatrices(), ...nullSpaceCases()]) {
        const input = a.slice();
        const reduction = engine.eigvalsh.reduce(n, input);
        try {
          expect(Array.from(reduction.values), name).toEqual(Array.from(engine.eigvalsh(n, a.slice())));
          expect(input, `${name}: input untouched`).toEqual(a);
          expect(reduction.band(), name).toHaveLength(n * (reduction.bandwidth + 1));
        } finally {
          reduction.dispose();
        }
      }
    });

    it(`finds the null space the JS reduction finds, to working precision (${label})`, () => {
      const engine = createWasmLinalg(module, options);
      for (const { name, n, a, nullity } of nullSpaceCases()) {
        const reduction = engine.eigvalsh.reduce(n, a);
        const lambdaMax = reduction.values[n - 1];
        const x = smallEigenvectors(reduction, startVectors(n, nullity), 1e-8 * lambdaMax, 12);
        reduction.dispose();
        const js = smallEigenvectors(jsEigvalsh.reduce!(n, a.slice()), startVectors(n, nullity), 1e-8 * lambdaMax, 12);
        expect(nullResidual(n, a, x, lambdaMax), name).toBeLessThan(1e-13);
        expect(projectorDistance(x, js), name).toBeLessThan(1e-12);
      }
    });
  }

  it("undoes the scaling into the safe range (band in the matrix's own units)", () => {
    const engine = createWasmLinalg(module, { twoStageFrom: 1 });
    const { n, a, nullity } = nullSpaceCases()[0];
    const unscaled = engine.eigvalsh.reduce(n, a);
    const reference = unscaled.band();
    unscaled.dispose();
    for (const scale of [1e-300, 1e300]) {
      const reduction = engine.eigvalsh.reduce(n, a.map((v) => v * scale));
      const band = reduction.band();
      band.forEach((v, i) => expect(Math.abs(v / scale - reference[i]), `scale ${scale}`).toBeLessThanOrEqual(1e-13 * Math.abs(reference[0])));
      const x = smallEigenvectors(reduction, startVectors(n, nullity), 1e-8 * reduction.values[n - 1], 12);
      reduction.dispose();
      expect(nullResidual(n, a, x, unscaled.values[n - 1])).toBeLessThan(1e-13);
    }
  });

  it("keeps its memory until dispose, and refuses use afterwards", () => {
    const engine = createWasmLinalg(module, { keepBytes: 0 });
    const { n, a } = testMatrices().find((m) => m.name === "gram 400x201")!;
    const reduction = engine.eigvalsh.reduce(n, a);
    expect(engine.memoryBytes()).toBeGreaterThanOrEqual(8 * (n * (n + 1)) / 2);
    const x = startVectors(n, 2);
    const norms = x.map((v) => Math.hypot(...v));
    reduction.applyQ(x);
    x.forEach((v, j) => expect(Math.abs(Math.hypot(...v) - norms[j])).toBeLessThan(1e-13 * norms[j]));
    reduction.dispose();
    reduction.dispose();
    expect(engine.memoryBytes()).toBe(0);
    expect(() => reduction.band()).toThrow(expect.objectContaining({ code: "finished" }));
    expect(engine.eigvalsh.reduce(0, new Float64Array(0)).values).toHaveLength(0);
  });
});
