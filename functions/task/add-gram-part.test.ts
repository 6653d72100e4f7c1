import { describe, expect, it } from "vitest";
import { assembleWideGram } from "../../test/helpers/assemble-wide-gram.ts";
import { gramLayout } from "#shared/esd";
import { sumGrams } from "../../test/helpers/sum-grams.ts";
import type { LayerPlan } from "#shared/plan";
import { addGramPart } from "./add-gram-part.ts";

function plan(rows: number, cols: number): LayerPlan {
  return {
    layer_id: 0, name: "w", layer_type: "dense", rows, cols, rf: 1, N: Math.max(rows, cols), M: Math.min(rows, cols), scale: 1,
    tensor: { name: "w.weight", dtype: "F32", shape: [rows, cols], begin: 0, end: rows * cols * 4, file: "model.safetensors" },
  };
}

const values = (n: number, seed: number) => Float64Array.from({ length: n }, (_, k) => Math.sin(seed * 1000 + k));

describe("addGramPart", () => {
  it("sums tall partial Grams in place, as sumGrams does", () => {
    const layout = gramLayout(plan(10, 3));
    const parts = [[values(9, 1)], [values(9, 2)], [values(9, 3)]];
    const grams = [new Float64Array(9)];
    for (const part of parts) addGramPart(layout, grams, { kind: "tall-part", rowStart: 0, rowEnd: 1 }, part);
    expect(grams).toEqual(sumGrams(parts));
  });

  it("places wide blocks in both triangles, as assembleWideGram does", () => {
    const p = plan(5, 20);
    const layout = gramLayout(p);
    const panelRows = 2;
    const blocks = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j <= i; j++) blocks.push({ i, j, block: [values(Math.min(2, 5 - 2 * i) * Math.min(2, 5 - 2 * j), i * 3 + j)] });
    const grams = [new Float64Array(25)];
    for (const { i, j, block } of blocks) addGramPart(layout, grams, { kind: "wide-block", i, j, panelRows }, block);
    expect(grams).toEqual(assembleWideGram(p, blocks, panelRows));
  });
});
