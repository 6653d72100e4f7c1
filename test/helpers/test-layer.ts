import { planLayers, type LayerPlan } from "#shared/plan";
import { createRng } from "#shared/metrics";
import { arrayValueReader, type ValueReader } from "#shared/esd";

/** A seeded float32 tensor of the given shape, planned as the planner plans it, and a reader over it (test helper). */
export function testLayer(shape: number[], seed: number, chunkValues = 97): { plan: LayerPlan; values: Float32Array; read: ValueReader } {
  const rng = createRng(seed);
  const count = shape.reduce((p, d) => p * d, 1);
  // heavy-ish tails and a spread of magnitudes, so float32 rounding is exercised on real-looking sums
  const values = Float32Array.from({ length: count }, () => (rng.uniform() - 0.5) / (0.05 + rng.uniform()));
  const [plan] = planLayers([{ name: "layer.weight", dtype: "F32", shape, begin: 8, end: 8 + 4 * count, file: "model.safetensors" }]);
  return { plan, values, read: arrayValueReader(values, chunkValues) };
}
