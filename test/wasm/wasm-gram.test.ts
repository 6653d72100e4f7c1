import { beforeAll, describe, expect, it } from "vitest";
import { createWasmLinalg } from "#shared/linalg";
import { compiledLinalgModule } from "./compiled-linalg.ts";
import { gramOf, seededWeights } from "./test-matrices.ts";
import reference from "./eigvalsh-reference.json" with { type: "json" };

let module: WebAssembly.Module;
beforeAll(async () => {
  module = await compiledLinalgModule();
});

function maxRelativeDifference(x: Float64Array, y: Float64Array): number {
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < y.length; i++) {
    scale = Math.max(scale, Math.abs(y[i]));
    diff = Math.max(diff, Math.abs(x[i] - y[i]));
  }
  return diff / scale;
}

/** W Wᵀ of a rows×cols matrix, directly */
function outerGram(w: Float32Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < rows; j++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += w[i * cols + c] * w[j * cols + c];
      g[i * rows + j] = s;
    }
  }
  return g;
}

describe("WASM Gram accumulator", () => {
  it("accumulates WᵀW from rows split anywhere between values", () => {
    for (const [rows, cols, seed] of [[1, 1, 1], [3, 2, 2], [50, 7, 3], [300, 130, 11], [517, 61, 4]]) {
      // a small staging budget forces several row blocks, and a ragged last one
      const engine = createWasmLinalg(module, { gramStagingBytes: 4096 });
      const w = seededWeights(rows, cols, seed);
      const gram = engine.createGram(cols);
      let at = 0;
      for (const step of [1, 5, cols + 3, 2 * cols - 1]) {
        const end = Math.min(w.length, at + step);
        gram.addRows(w.subarray(at, end));
        at = end;
      }
      gram.addRows(w.subarray(at));
      expect(gram.rowsAdded).toBe(rows);
      expect(maxRelativeDifference(gram.toArray(), gramOf(w, rows, cols))).toBeLessThan(1e-14);
    }
  });

  it("gives the eigenvalues numpy gives for the same Gram, computed in place", () => {
    const engine = createWasmLinalg(module);
    const w = seededWeights(300, 130, 11);
    const gram = engine.createGram(130);
    gram.addRows(w);
    const ev = gram.eigenvalues();
    const ref = Float64Array.from((reference.reference as Record<string, number[]>)["gram 300x130"]);
    expect(maxRelativeDifference(ev, ref)).toBeLessThan(1e-13);
  });

  it("assembles W Wᵀ of a wide matrix from panel pairs, in either order", () => {
    const rows = 37;
    const cols = 90;
    const p = 10;
    const w = seededWeights(rows, cols, 5);
    const engine = createWasmLinalg(module, { gramStagingBytes: 2048 });
    const gram = engine.createGram(rows);
    const panel = (i: number) => w.subarray(i * p * cols, Math.min(rows, (i + 1) * p) * cols);
    const panels = Math.ceil(rows / p);
    for (let i = 0; i < panels; i++) {
      for (let j = 0; j <= i; j++) {
        if (i === j) gram.addPanelPair(panel(i), i * p, panel(i), i * p, cols);
        else if ((i + j) % 2) gram.addPanelPair(panel(i), i * p, panel(j), j * p, cols);
        else gram.addPanelPair(panel(j), j * p, panel(i), i * p, cols);
      }
    }
    expect(maxRelativeDifference(gram.toArray(), outerGram(w, rows, cols))).toBeLessThan(1e-14);
    expect(() => gram.addPanelPair(panel(0), 0, panel(1), 5, cols)).toThrow(expect.objectContaining({ code: "bad_argument" }));
    expect(() => gram.addPanelPair(panel(3), 31, panel(3), 31, cols)).toThrow(expect.objectContaining({ code: "bad_argument" }));
    expect(() => gram.addPanelPair(panel(0), 0, panel(0), 0, 7)).toThrow(expect.objectContaining({ code: "bad_argument" }));
  });

  it("refuses a partial row, and use after the eigenvalues were taken", () => {
    const engine = createWasmLinalg(module);
    const gram = engine.createGram(4);
    gram.addRows(new Float32Array(6));
    expect(() => gram.toArray()).toThrow(expect.objectContaining({ code: "partial_row" }));
    gram.addRows(new Float32Array(2));
    expect(Array.from(gram.eigenvalues())).toEqual([0, 0, 0, 0]);
    expect(() => gram.addRows(new Float32Array(4))).toThrow(expect.objectContaining({ code: "finished" }));
    expect(() => engine.createGram(0)).toThrow(expect.objectContaining({ code: "bad_argument" }));
  });

  it("grows memory to what a layer needs and gives it back between layers", () => {
    const engine = createWasmLinalg(module, { keepBytes: 1 << 20 });
    const m = 600;
    const gram = engine.createGram(m);
    gram.addRows(seededWeights(m + 1, m, 6));
    const held = engine.memoryBytes();
    expect(held).toBeGreaterThan(8 * (m * m) / 2);
    gram.eigenvalues();
    expect(engine.memoryBytes()).toBe(0);
    expect(engine.peakMemoryBytes()).toBeGreaterThanOrEqual(held);
    // a small layer afterwards starts a fresh, small instance
    const small = engine.createGram(3);
    small.addRows(new Float32Array([1, 0, 0, 0, 2, 0]));
    expect(Array.from(small.eigenvalues())).toEqual([0, 1, 4]);
    expect(engine.memoryBytes()).toBeLessThan(1 << 20);
    const disposed = engine.createGram(5);
    disposed.dispose();
    disposed.dispose();
  });
});
