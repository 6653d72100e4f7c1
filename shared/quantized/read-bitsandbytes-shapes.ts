import type { ModelFiles, TensorInfo } from "../safetensors/types.ts";
import { HEADER_CONCURRENCY, mapBounded } from "../async/map-bounded.ts";

/** A quant_state is a few hundred bytes of JSON; anything far larger is not one. */
const MAX_STATE_BYTES = 64 << 10;

/**
 * The float shapes of bitsandbytes 4-bit weights, whose stored `weight` is a [n/2, 1] U8 column:
 * each `….weight.quant_state.bitsandbytes__nf4|fp4` tensor is JSON bytes naming the "shape". Read
 * only for the skip reason's shape; one that cannot be read leaves the stored shape.
 */
export async function readBitsandbytesShapes(model: Pick<ModelFiles, "open" | "concurrency">, tensors: readonly TensorInfo[]): Promise<Map<string, number[]>> {
  const states = tensors.filter((t) => /\.weight\.quant_state\.bitsandbytes__[a-z0-9]+$/.test(t.name) && t.end - t.begin <= MAX_STATE_BYTES);
  const shapes = await mapBounded(states, model.concurrency ?? HEADER_CONCURRENCY, async (t) => {
    try {
      const state = JSON.parse(new TextDecoder().decode(await model.open(t.file).read(t.begin, t.end - t.begin))) as { shape?: unknown };
      const shape = state.shape;
      return Array.isArray(shape) && shape.length >= 2 && shape.every((d) => Number.isSafeInteger(d) && d >= 0) ? (shape as number[]) : null;
    } catch {
      return null;
    }
  });
  const out = new Map<string, number[]>();
  states.forEach((t, i) => {
    const shape = shapes[i];
    if (shape) out.set(t.name.slice(0, t.name.indexOf(".quant_state.")), shape);
  });
  return out;
}
