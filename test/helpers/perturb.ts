import { seededRandom } from "./seeded-random.ts";

/** w' = fl32(w + scale·rms(w)·u), u uniform on [−1, 1) from the seed: a fine-tune's small update, deterministic. */
export function perturb(values: Float32Array, seed: number, scale = 0.05): Float32Array {
  const random = seededRandom(seed);
  const rms = Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);
  return values.map((v) => Math.fround(v + scale * rms * (2 * random() - 1)));
}
