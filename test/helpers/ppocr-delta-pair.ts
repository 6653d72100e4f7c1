// The delta pair built from a real model: ppocrv4_rec is the base; the "fine-tune" is a
// deterministically perturbed copy with its CTC head resized (a shape mismatch) and a tensor the
// base lacks. Used by the delta tests and by the reference run that produced
// test/fixtures/reference/ppocrv4-delta (its README).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeSafetensors, type TensorSpec } from "./write-safetensors.ts";
import { seededRandom } from "./seeded-random.ts";

export const PPOCR_FIXTURE = new URL("../fixtures/ppocrv4_rec/model.safetensors", import.meta.url).pathname;
export const RESIZED = "linear_85"; // the CTC head, 6625 × 120 in the base, 6630 × 120 in the fine-tune
export const NEW_LAYER = "linear_84.weight"; // absent from the base

export interface F32Tensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

export function readF32Tensors(path: string): F32Tensor[] {
  const bytes = readFileSync(path);
  const n = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + n).toString("utf8")) as Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  return Object.entries(header)
    .filter(([name]) => name !== "__metadata__")
    .map(([name, { dtype, shape, data_offsets: [a, b] }]) => {
      if (dtype !== "F32") throw new Error(`${name}: ${dtype}`);
      const copy = new Uint8Array(bytes.subarray(8 + n + a, 8 + n + b));
      return { name, shape, values: new Float32Array(copy.buffer) };
    });
}

export const f32Spec = (t: F32Tensor): TensorSpec => ({ name: t.name, dtype: "F32", shape: t.shape, data: t.values });

/** w' = fl32(w + 0.05·rms(w)·u), u uniform on [−1, 1) from a seeded generator; the head gets 5 more rows. */
export function fineTune(base: F32Tensor[]): F32Tensor[] {
  const random = seededRandom(20240611);
  return base.map((t) => {
    let rms = 0;
    for (const v of t.values) rms += v * v;
    rms = Math.sqrt(rms / Math.max(1, t.values.length)) || 1;
    const grown = t.name.startsWith(`${RESIZED}.`);
    const extra = grown ? 5 * (t.values.length / t.shape[0]) : 0;
    const values = new Float32Array(t.values.length + extra);
    for (let i = 0; i < values.length; i++) values[i] = (i < t.values.length ? t.values[i] : 0) + 0.05 * rms * (2 * random() - 1);
    return { name: t.name, shape: grown ? [t.shape[0] + 5, ...t.shape.slice(1)] : t.shape, values };
  });
}

/** Writes `base/` and `tuned/` model folders under `dir` and returns both tensor lists. */
export function writePpocrDeltaPair(dir: string): { base: F32Tensor[]; tuned: F32Tensor[] } {
  const original = readF32Tensors(PPOCR_FIXTURE);
  const tuned = fineTune(original);
  const base = original.filter((t) => t.name !== NEW_LAYER);
  for (const [folder, tensors] of [["base", base], ["tuned", tuned]] as const) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, "model.safetensors"), encodeSafetensors(tensors.map(f32Spec)));
  }
  return { base, tuned };
}
