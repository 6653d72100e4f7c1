import { describe, expect, it } from "vitest";
import type { LayerPlan } from "#shared/plan";
import { expectedTaskSeconds } from "./expected-task-seconds.ts";

const plan = (lora?: LayerPlan["lora"]): LayerPlan => ({
  layer_id: 0, name: "l", layer_type: "dense", rows: 4096, cols: 4096, rf: 1, N: 4096, M: 4096, scale: 1,
  tensor: { name: "l.weight", dtype: "F32", shape: [4096, 4096], begin: 0, end: lora ? 4 * 64 * 8192 : 4 * 4096 * 4096, file: "m.safetensors" },
  ...(lora && { lora }),
});

describe("expectedTaskSeconds", () => {
  it("costs a LoRA pair by its rank, not by its out × in product", () => {
    const pair = plan({ r: 64, in: 4096, out: 4096, aOffset: 0, bOffset: 64 * 4096 });
    const lora = expectedTaskSeconds(pair, { kind: "layer", randomize: false });
    expect(lora).toBeLessThan(2);
    expect(expectedTaskSeconds(plan(), { kind: "layer" })).toBeGreaterThan(100 * (lora - 1));
    // randomized: five shuffles of the formed product (r < 100), each a Gram of order 4096
    expect(expectedTaskSeconds(pair, { kind: "layer" })).toBeGreaterThan((5 * 4096 ** 3) / 2e9);
  });
});
