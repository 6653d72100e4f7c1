import { describe, expect, it } from "vitest";
import type { LayerPlan } from "#shared/plan";
import { DEFAULT_EDGE_LIMITS, splitLayer } from "./split-layer.ts";
import { taskReadBytes } from "./task-read-bytes.ts";

function dense(rows: number, cols: number, layerId = 3): LayerPlan {
  return {
    layer_id: layerId, name: `l${layerId}`, layer_type: "dense", rows, cols, rf: 1, N: Math.max(rows, cols), M: Math.min(rows, cols), scale: 1,
    tensor: { name: `l${layerId}.weight`, dtype: "BF16", shape: [rows, cols], begin: 0, end: rows * cols * 2, file: "model.safetensors" },
  };
}

const roomy = { maxTaskFlops: 1e12, maxTaskBytes: 96 * 2 ** 20 };

describe("splitLayer", () => {
  it("keeps a layer that fits one invocation whole", () => {
    expect(splitLayer(dense(3072, 768), roomy)).toEqual({ ok: true, tasks: [{ id: "000003", work: { kind: "layer" } }] });
  });

  it("splits a tall layer into row ranges that cover every row once, then a combine", () => {
    const split = splitLayer(dense(1000, 100), { maxTaskFlops: 2.5e6, maxTaskBytes: 96 * 2 ** 20 });
    if (!split.ok) throw new Error(split.reason);
    const parts = split.tasks.filter((t) => t.work.kind === "tall-part").map((t) => t.work as { rowStart: number; rowEnd: number });
    expect(parts).toHaveLength(4);
    expect(parts[0].rowStart).toBe(0);
    expect(parts.at(-1)!.rowEnd).toBe(1000);
    parts.slice(1).forEach((p, k) => expect(p.rowStart).toBe(parts[k].rowEnd));
    const combine = split.tasks.at(-1)!;
    expect(combine).toMatchObject({ id: "000003", work: { kind: "combine", randomize: true } });
    expect((combine.work as { parts: unknown[] }).parts).toHaveLength(4);
  });

  it("splits a wide layer into the lower-triangle panel blocks", () => {
    const split = splitLayer(dense(100, 1000), { maxTaskFlops: 2.5e6, maxTaskBytes: 96 * 2 ** 20 });
    if (!split.ok) throw new Error(split.reason);
    const blocks = split.tasks.filter((t) => t.work.kind === "wide-block").map((t) => t.work as { i: number; j: number; panelRows: number });
    const panels = Math.ceil(100 / blocks[0].panelRows);
    expect(blocks).toHaveLength((panels * (panels + 1)) / 2);
    expect(blocks.every((b) => b.j <= b.i && b.i < panels)).toBe(true);
    expect(blocks[0].panelRows * blocks[0].panelRows * 1000).toBeLessThanOrEqual(2.5e6);
  });

  it("skips randomization where the matrix and the Grams do not fit together", () => {
    const split = splitLayer(dense(11008, 2048), { maxTaskFlops: 1e15, maxTaskBytes: 96 * 2 ** 20 });
    if (!split.ok) throw new Error(split.reason);
    expect(split.tasks.at(-1)!.work).toMatchObject({ kind: "combine", randomize: false });
  });

  it("refuses a layer whose Grams cannot be held twice within the budget, saying why", () => {
    const split = splitLayer(dense(4096, 11008), roomy);
    expect(split).toEqual({ ok: false, reason: expect.stringContaining("too large for the edge lane") });
  });
});

describe("splitLayer with an engine that packs its Gram", () => {
  it("sends a tall dense layer whose full Gram cannot be held as one packed task, which reads it once", () => {
    const plan = dense(11008, 4096);
    const split = splitLayer(plan, { ...roomy, packed: true });
    expect(split).toEqual({ ok: true, tasks: [{ id: "000003", work: { kind: "packed" } }] });
    if (split.ok) expect(taskReadBytes(plan, split.tasks[0].work)).toBe(plan.tensor.end);
  });

  it("builds a wide one's packed Gram in lower bands that tile it, reading it less than twice", () => {
    const plan = dense(4096, 11008);
    const split = splitLayer(plan, { ...roomy, packed: true });
    if (!split.ok) throw new Error(split.reason);
    const bands = split.tasks.slice(0, -1).map((t) => t.work as { kind: string; rowStart: number; rowEnd: number });
    expect(bands.map((b) => b.kind)).toEqual(["wide-band", "wide-band", "wide-band"]);
    expect(bands[0].rowStart).toBe(0);
    bands.slice(1).forEach((b, k) => expect(b.rowStart).toBe(bands[k].rowEnd));
    expect(bands.at(-1)!.rowEnd).toBe(4096);
    expect(split.tasks.at(-1)).toEqual({ id: "000003", work: { kind: "combine", parts: split.tasks.slice(0, -1).map((t) => ({ task: t.id, work: t.work })), randomize: false, packed: true } });
    const read = split.tasks.reduce((sum, t) => sum + taskReadBytes(plan, t.work), 0);
    expect(read / plan.tensor.end).toBeLessThan(2);
    // one packed task by pairs of panels would read it about eleven times
    expect(taskReadBytes(plan, { kind: "packed" }) / plan.tensor.end).toBeGreaterThan(10);
  });
  it("still refuses what even a packed Gram cannot fit", () => {
    expect(splitLayer(dense(8192, 8192), { ...roomy, packed: true })).toMatchObject({ ok: false });
  });

  it("keeps a LoRA pair's lora_BA layer one task, and refuses one whose matrices cannot be held", () => {
    const lora = (r: number, inDim: number, out: number): LayerPlan => ({
      ...dense(out, inDim),
      lora: { r, in: inDim, out, aOffset: 0, bOffset: r * inDim },
      tensor: { name: "l3.weight", dtype: "F32", shape: [out, inDim], begin: 0, end: 4 * r * (inDim + out), file: "adapter_model.safetensors" },
    });
    // its 4096 × 4096 product would be split; the pair is not, and its shuffles' Gram does not fit
    expect(splitLayer(lora(64, 4096, 4096), { ...roomy, maxTaskFlops: 1e6 })).toEqual({ ok: true, tasks: [{ id: "000003", work: { kind: "layer", randomize: false } }] });
    // where the shuffled product's Gram fits, the task randomizes it
    expect(splitLayer(lora(16, 512, 256), DEFAULT_EDGE_LIMITS)).toEqual({ ok: true, tasks: [{ id: "000003", work: { kind: "layer" } }] });
    expect(splitLayer(lora(64, 4096, 4096), DEFAULT_EDGE_LIMITS)).toMatchObject({ ok: true, tasks: [{ work: { kind: "layer", randomize: false } }] });
    expect(splitLayer(lora(2048, 8192, 8192), roomy)).toMatchObject({ ok: false, reason: expect.stringMatching(/LoRA pair/) });
  });
});
